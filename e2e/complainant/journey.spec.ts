import { expect, test, type Locator } from "@playwright/test";
import { confirmComplaint, fillComplaint, followMailLink, LABELS, signInByEmail } from "../support/filing";
import { chooseVerdict, decide, expectAccessible, signInAs, chooseEligible } from "../support/helpers";
import { LOCALES, dayIn, message, said, text, type Locale } from "../support/messages";

/**
 * The complainant's whole journey, told by the status panel at every rung, in each language on
 * a desktop and on a 390 px phone: filing (through its check of the answers), the case from
 * the mailed link, a question from the company answered with a document, the company's answer,
 * the escalation to its dispute resolution body (ANA), and that body's written determination
 * with the remedies to watch, linked from the status panel. No step moves the shared clock: the case climbs because the
 * company answered and the complainant was not satisfied.
 * With RECOURSE_SCREENS=1 every state is saved under docs/screens/journey/.
 */
const ORG = "Customer Portfolios LLC";
const IRM = "Association of National Advertisers (ANA) Privacy Shield Dispute Resolution";
const COUNTRY: Record<Locale, string> = { en: "IE", de: "DE", fr: "FR" };
/** The sign-in mail's subject in the complainant's language (lib/mail/templates.ts). */
const SIGN_IN_MAIL: Record<Locale, string> = { en: "Your sign-in link", de: "Ihr Anmeldelink", fr: "Votre lien de connexion" };
const DEVICES = {
  desktop: { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 },
  phone: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true },
} as const;

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

for (const locale of LOCALES) {
  for (const device of ["desktop", "phone"] as const) {
    test.describe(`the complainant's journey in ${locale} on a ${device}`, () => {
      test.use(DEVICES[device]);

      test("files, answers the company's question, escalates to its IRM and reads the determination, told plainly at every rung", async ({ page }) => {
        test.setTimeout(180_000);
        const person = `${locale}-${device}-${Date.now().toString(36)}`;
        const email = `journey.${person}@example.eu`;
        const name = `Journey ${locale.toUpperCase()} ${device} ${person.slice(-6)}`;
        const params = { reader: "complainant", organisation: ORG, irm: IRM, body: IRM, dpa: "panel" };
        let shot = 0;

        /** The page at one state: accessible, phone-wide on a phone, and saved when asked. */
        const state = async (label: string, fullPage = false, inView?: Locator) => {
          await expectAccessible(page);
          // The screen shows what the state is about: the page's top, or the part named.
          if (inView) await inView.scrollIntoViewIfNeeded();
          else await page.evaluate(() => window.scrollTo(0, 0));
          if (device === "phone") expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
          shot += 1;
          if (process.env.RECOURSE_SCREENS) await page.screenshot({ path: `docs/screens/journey/${locale}-${device}-${String(shot).padStart(2, "0")}-${label}.png`, fullPage: fullPage && device === "desktop" });
        };
        const status = page.getByTestId("case-status");
        /** The status panel says, in this language, where the case is and what comes next (its date matched as any date). */
        const expectStatus = async (where: string, next: string, you: boolean) => {
          await expect(status).toContainText(said(locale, `status.where.${where}`, params));
          await expect(status).toContainText(said(locale, `status.next.${next}`, { ...params, you: you ? "yes" : "no" }));
        };
        const openCase = async (url: string) => {
          await page.goto(url);
          await expect(status).toBeVisible();
        };

        // Filing, through the check of every answer.
        await fillComplaint(page, { locale, org: "customer-portfolios", name, email, country: COUNTRY[locale] });
        const review = page.getByRole("region", { name: message(locale, "filing.reviewTitle") });
        await expect(review).toContainText(name);
        await expect(review).toContainText(LABELS[locale].relief);
        await expect(review.getByRole("button", { name: `${message(locale, "filing.change")}: ${message(locale, "filing.steps.what")}` })).toBeVisible();
        await state("check-answers", true);
        await page.getByRole("button", { name: LABELS[locale].submit }).click();
        await expect(page.getByRole("heading", { name: LABELS[locale].pending })).toBeVisible();
        await state("check-email");
        const reference = await confirmComplaint(page, email, locale);

        // The mailed link opens the case: with the company, which must reply by its 45th day.
        await followMailLink(page, email, reference);
        const caseUrl = page.url().split("?")[0]!.replace(/\/(en|de|fr)\/cases\//, `/${locale}/cases/`);
        const staffUrl = caseUrl.replace(`/${locale}/`, "/en/");
        await openCase(caseUrl);
        await expectStatus("with_organisation", "organisation_replies", false);
        const replyBy = async () => dayIn((await status.textContent())!, locale, "status.next.organisation_replies", { ...params, you: "no" });
        const dueDay = await replyBy();
        await state("with-company");

        // The company asks a question.
        const question = `Which e-mail address did you use with us? (${person})`;
        await signInAs(page, "staff@customerportfolios.example");
        await page.goto(staffUrl);
        const ask = page.locator("details", { has: page.locator("summary", { hasText: "Ask for information" }) });
        await ask.locator("summary").click();
        await ask.getByRole("textbox").fill(question);
        await ask.getByRole("button", { name: "Send" }).click();
        await expect(page.getByText("Done: Ask for information.")).toBeVisible();

        // The complainant is asked, and told that the company's 45 days keep running meanwhile.
        await signInByEmail(page, email, SIGN_IN_MAIL[locale]);
        await openCase(caseUrl);
        await expectStatus("with_organisation", "you_answer_question", true);
        expect(dayIn((await status.textContent())!, locale, "status.questionClock", params)).toBe(dueDay);
        // The question stands beside the answer form, not only among the messages below.
        const asked = page.locator("figure", { hasText: text(locale, "orgSteps.question", { from: "organisation" }) });
        await expect(asked).toContainText(question);
        await state("question");

        // One form: the answer and its document, sent with the step.
        const answerText = `I used ${email}; my request of March is attached.`;
        await page.getByRole("textbox", { name: message(locale, "orgSteps.answer") }).fill(answerText);
        await page.getByLabel(message(locale, "orgSteps.answerFiles")).setInputFiles({ name: `request-${locale}.pdf`, mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n") });
        await page.getByRole("button", { name: message(locale, "orgSteps.sendAnswer") }).click();
        await expect(page.getByText(text(locale, "actions.done", { step: text(locale, "actions.provide_information", params) }))).toBeVisible();
        // Answered, the company is to reply by the same day as before: a question does not stop its clock.
        await expectStatus("with_organisation", "organisation_replies", false);
        expect(await replyBy()).toBe(dueDay);
        const answer = page.locator("li", { hasText: answerText });
        await expect(answer.getByRole("link", { name: new RegExp(`request-${locale}\\.pdf`) })).toBeVisible();
        await state("answered");

        // The company reads the answer and its document, and responds.
        await signInAs(page, "staff@customerportfolios.example");
        await page.goto(staffUrl);
        await expect(page.locator("li", { hasText: answerText }).getByRole("link", { name: new RegExp(`request-${locale}\\.pdf`) })).toBeVisible();
        const respond = page.locator("details", { has: page.locator("summary", { hasText: "Record the response" }) });
        await respond.locator("summary").click();
        await respond.getByRole("textbox").fill("We keep your profile for marketing; we will not send you a copy.");
        await respond.getByRole("button", { name: "Send" }).click();
        await expect(page.getByText("Done: Record the response.")).toBeVisible();

        // Not satisfied, the complainant reads what escalating means, and escalates.
        await signInByEmail(page, email, SIGN_IN_MAIL[locale]);
        await openCase(caseUrl);
        await expectStatus("organisation_answered", "review_answer", true);
        await state("company-answered");
        const escalate = page.locator("details").filter({ has: page.locator("summary", { hasText: text(locale, "actions.escalate_to_irm", params) }) });
        await escalate.locator("summary").click();
        // The company answered in time: the confirmation speaks of its answer, not of deadlines it never missed.
        await expect(escalate).toContainText(text(locale, "actions.confirmText.escalate_to_irm", { ...params, missed: "no" }));
        await expect(escalate).not.toContainText(text(locale, "actions.confirmText.escalate_to_irm", { ...params, missed: "yes" }));
        await state("confirm-escalation", false, escalate);
        await escalate.getByRole("button", { name: text(locale, "actions.confirm") }).click();
        await expectStatus("with_irm", "irm_reviews", false);
        await state("with-irm");

        // ANA takes the case and writes its determination on its own page.
        await signInAs(page, "liaison@ana.example");
        await page.goto(staffUrl);
        await page.getByRole("button", { name: "Acknowledge receipt" }).click();
        await expect(page.getByText("Association of National Advertisers (ANA) Privacy Shield Dispute Resolution acknowledged receipt", { exact: true })).toBeVisible();
        await decide(page, "Decide eligibility…", chooseEligible, "The complaint is recorded as eligible.");
        const findings = `Customer Portfolios refused ${name} a copy of the profile it holds and kept using it after the objection.`;
        await decide(
          page,
          "Issue a determination…",
          async (form) => {
            await chooseVerdict(form, "Upheld");
            await form.getByLabel("Findings").fill(findings);
            await form.getByLabel("Remedy 1", { exact: true }).selectOption("access");
            await form.getByLabel("Due by").nth(0).fill(inDays(30));
            await form.getByLabel("Remedy 2", { exact: true }).selectOption("delete");
            await form.getByLabel("Due by").nth(1).fill(inDays(60));
          },
          /must carry out “Access” by/,
        );
        await expect(page.getByText("Association of National Advertisers (ANA) Privacy Shield Dispute Resolution issued a determination", { exact: true })).toBeVisible();

        // The complainant reads the written decision and what the company must now do, and by when.
        await signInByEmail(page, email, SIGN_IN_MAIL[locale]);
        await openCase(caseUrl);
        await expectStatus("irm_decided", "remedies_watched", false);
        await expect(page.getByText(findings)).toBeVisible();
        // R2.4: the outcome in one sentence, with what the company must do.
        const verdict = page.getByTestId("case-verdict");
        for (const kind of ["access", "delete"]) await expect(verdict).toContainText(message(locale, `details.remedy.${kind}`));
        const remedies = page.getByTestId("remedies");
        for (const kind of ["access", "delete"]) {
          const item = remedies.locator("li", { hasText: message(locale, `details.remedy.${kind}`) });
          await expect(item).toContainText(said(locale, "remedies.due"));
          await expect(item).toContainText(message(locale, "remedies.open"));
        }
        await state("determination", true, device === "phone" ? remedies : undefined);

        // The status panel links to the written determination: its entry on the timeline.
        await status.getByRole("link", { name: text(locale, "status.decision.irm_determination") }).click();
        await expect(page).toHaveURL(/#event-\d+$/);
        const decision = page.locator(new URL(page.url()).hash);
        await expect(decision).toContainText(findings);
        await expect(decision).toContainText(text(locale, "events.byIrm.irm_determined", { irm: IRM }));
        await expect(decision).toBeInViewport();
      });
    });
  }
}
