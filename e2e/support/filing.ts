import { expect, type Page } from "@playwright/test";
import { confirmStep, signInAs } from "./helpers";

/** Labels of the filing form in each language (journeys are also walked in German and French). */
export const LABELS = {
  en: { name: "Your name", email: "Your email address", country: "Country where you live", hrYes: "Yes, HR data", hrNo: "No", description: "Describe what happened", next: "Next", submit: "Send the complaint", principle: "I could not see or correct my data", relief: "Show me my data", files: "Documents (optional)", workCountry: "Country where you work", pending: "Check your email to send your complaint", send: "Send my complaint" },
  de: { name: "Ihr Name", email: "Ihre E-Mail-Adresse", country: "Land, in dem Sie leben", hrYes: "Ja, Beschäftigtendaten", hrNo: "Nein", description: "Beschreiben Sie, was passiert ist", next: "Weiter", submit: "Beschwerde absenden", principle: "Ich konnte meine Daten nicht sehen oder berichtigen", relief: "Mir meine Daten zeigen", files: "Unterlagen (optional)", workCountry: "Land, in dem Sie arbeiten", pending: "Prüfen Sie Ihre E-Mails, um die Beschwerde zu senden", send: "Beschwerde jetzt senden" },
  fr: { name: "Votre nom", email: "Votre adresse e-mail", country: "Pays de résidence", hrYes: "Oui, des données RH", hrNo: "Non", description: "Décrivez ce qui s’est passé", next: "Suivant", submit: "Envoyer la plainte", principle: "Je n’ai pas pu voir ou corriger mes données", relief: "Me montrer mes données", files: "Documents (facultatif)", workCountry: "Pays où vous travaillez", pending: "Consultez vos e-mails pour envoyer votre plainte", send: "Envoyer ma plainte" },
} as const;

export interface Complaint {
  locale?: keyof typeof LABELS;
  org: string;
  name: string;
  email: string;
  country: string;
  hr?: boolean;
  /** For HR data: the country of work, when it is not the country of residence (R1.3). */
  workCountry?: string;
  description?: string;
  files?: { name: string; mimeType: string; buffer: Buffer }[];
  /** Leave the consent box unticked (to look at the last step as it opens). */
  noConsent?: boolean;
}

export async function fillComplaint(page: Page, c: Complaint) {
  const l = LABELS[c.locale ?? "en"];
  await page.goto(`/${c.locale ?? "en"}/file/${c.org}`);
  await page.evaluate(() => window.localStorage.clear());
  await page.reload();
  await page.getByLabel(l.name).fill(c.name);
  await page.getByLabel(l.email).fill(c.email);
  await page.getByLabel(l.country).selectOption(c.country);
  await page.getByRole("button", { name: l.next }).click();
  await page.getByLabel(c.hr ? l.hrYes : l.hrNo, { exact: true }).check();
  if (c.workCountry) await page.getByLabel(l.workCountry).selectOption(c.workCountry);
  await page.getByRole("button", { name: l.next }).click();
  await page.getByText(l.principle).click();
  await page.getByLabel(l.description).fill(c.description ?? "I asked the company for a copy of my data in March and got no answer.");
  await page.getByRole("button", { name: l.next }).click();
  await page.getByLabel(l.relief).check();
  await page.getByRole("button", { name: l.next }).click();
  if (c.files) await page.getByLabel(l.files).setInputFiles(c.files);
  if (!c.noConsent) await page.getByRole("checkbox").last().check();
}

/** Sends the form: the complaint then waits for its address to be confirmed from the mail. */
export async function sendComplaint(page: Page, c: Complaint) {
  await fillComplaint(page, c);
  await page.getByRole("button", { name: LABELS[c.locale ?? "en"].submit }).click();
  await expect(page.getByRole("heading", { name: LABELS[c.locale ?? "en"].pending })).toBeVisible();
}

/** A mailed filing confirmation: the page that shows the complaint and sends it by its button. */
export const FILING_LINK = 'a[href*="/file/confirm/"]';

/** The confirmation link in the newest such mail to `email`. */
export const filingLink = (page: Page, email: string) => linkInMail(page, email, FILING_LINK);

/** Opens the confirmation mail to `email`, presses its page's button and returns the case's reference. */
export async function confirmComplaint(page: Page, email: string, locale: keyof typeof LABELS = "en"): Promise<string> {
  await page.goto(await filingLink(page, email));
  await page.getByRole("button", { name: LABELS[locale].send }).click();
  const reference = page.getByTestId("reference");
  await expect(reference).toBeVisible();
  return (await reference.textContent())!.match(/RC-\d{4}-[A-Z0-9]{6}/)![0];
}

/** Files a complaint through the form, confirms it from the mail as its complainant does, and returns its reference. */
export async function fileComplaint(page: Page, c: Complaint): Promise<string> {
  await sendComplaint(page, c);
  return confirmComplaint(page, c.email, c.locale ?? "en");
}

/** A mailed sign-in link: it opens the confirmation page, never the sign-in callback itself. */
export const SIGN_IN_LINK = 'a[href*="/sign-in/confirm?"]';

/** The first link matching `link` in the newest mail to `email` (whose text contains `subject`, if given) that holds one. */
async function linkInMail(page: Page, email: string, link: string, subject?: string | RegExp): Promise<string> {
  await page.goto("/en/dev/mailbox");
  const toEmail = page.getByTestId("mail").filter({ has: page.getByTestId("mail-to").getByText(email, { exact: true }) });
  const mail = (subject ? toEmail.filter({ hasText: subject }) : toEmail).filter({ has: page.locator(link) }).first();
  return (await mail.locator(link).first().getAttribute("href"))!;
}

/** The sign-in link in the newest mail to `email` whose text contains `subject`. */
export async function mailedLink(page: Page, email: string, subject: string | RegExp): Promise<string> {
  const href = await linkInMail(page, email, SIGN_IN_LINK, subject);
  expect(href).toContain("/sign-in/confirm?");
  return href;
}

/** Presses the confirmation page's button: the POST that signs in. */
export async function confirmSignIn(page: Page) {
  await page.locator('form[action*="/api/auth/callback/email"] button[type="submit"]').click();
  await page.waitForURL((url) => !url.pathname.endsWith("/sign-in/confirm"));
}

/** Opens the newest mail to `email` whose subject contains `subject` and that carries a sign-in link, follows it and signs in. */
export async function followMailLink(page: Page, email: string, subject: string | RegExp) {
  await page.goto(await mailedLink(page, email, subject));
  await confirmSignIn(page);
}

/** Signs in as `email` the way a person does: ask for a link, open it from the mailbox (its subject in the account's language). */
export async function signInByEmail(page: Page, email: string, subject: string = "Your sign-in link") {
  await page.context().clearCookies();
  await page.goto("/en/sign-in");
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Send me a sign-in link" }).click();
  // The link is mailed once the request is answered: leaving the page earlier could cancel it.
  await page.waitForURL(/\/sign-in\/check-email$/);
  await followMailLink(page, email, subject);
}

/**
 * A complaint against Customer Portfolios (whose recourse mechanism is ANA) taken to ANA the
 * way it happens without moving the shared clock: the company answers, and the complainant,
 * not satisfied, escalates. The browser ends signed in as the complainant, on the case.
 */
export async function handedToAna(page: Page, c: { name: string; email: string; answer: string }): Promise<{ reference: string; caseUrl: string }> {
  const reference = await fileComplaint(page, { org: "customer-portfolios", name: c.name, email: c.email, country: "NL" });
  await followMailLink(page, c.email, reference);
  const caseUrl = page.url().split("?")[0]!;
  await signInAs(page, "staff@customerportfolios.example");
  await page.goto(caseUrl);
  const answer = page.locator("details", { hasText: "Record the response" });
  await answer.locator("summary").click();
  await answer.getByRole("textbox").fill(c.answer);
  await answer.getByRole("button", { name: "Send" }).click();
  await expect(page.getByText("Done: Record the response.")).toBeVisible();
  await signInByEmail(page, c.email);
  await page.goto(caseUrl);
  await confirmStep(page, /Escalate to Association of National Advertisers/);
  await expect(page.getByText("Escalated to Association of National Advertisers (ANA) Privacy Shield Dispute Resolution", { exact: true })).toBeVisible();
  return { reference, caseUrl };
}
