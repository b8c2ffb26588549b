import { expect, test } from "@playwright/test";
import { expectAccessible, signInAs } from "../support/helpers";
import { confirmComplaint, fileComplaint, filingLink, fillComplaint, followMailLink, LABELS, sendComplaint } from "../support/filing";

const PDF = { name: "letter.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n") };
const EXE = { name: "evidence.pdf", mimeType: "application/pdf", buffer: Buffer.concat([Buffer.from("MZ"), Buffer.alloc(300, 0x90)]) };

async function caseCount(page: import("@playwright/test").Page): Promise<number> {
  await signInAs(page, "admin@recourse.example");
  const n = await page.locator('a[href*="/cases/"]').count();
  await page.context().clearCookies();
  return n;
}

test.describe("filing a complaint", () => {
  test("against SessionM (Iceland, EU-U.S. Privacy Shield): the address confirmed from the mail, then straight into the case", async ({ page }) => {
    await page.goto("/en/directory/sessionm");
    await page.getByRole("link", { name: "File a complaint against SessionM, Inc." }).click();
    await expect(page).toHaveURL(/\/en\/file\/sessionm/);
    await expectAccessible(page);
    await sendComplaint(page, { org: "sessionm", name: "Sigrún Jónsdóttir", email: "sigrun@example.is", country: "IS", files: [PDF] });
    await expect(page.getByText("We sent a link to sigrun@example.is.")).toBeVisible();
    await expect(page.getByText("SessionM, Inc. sees nothing until you do")).toBeVisible();
    await expectAccessible(page);

    // The mail's link shows the complaint; only its button sends it.
    await page.goto(await filingLink(page, "sigrun@example.is"));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Send your complaint to SessionM, Inc.");
    await expect(page.getByText("1 document")).toBeVisible();
    await expectAccessible(page);
    const reference = await confirmComplaint(page, "sigrun@example.is");
    await expect(page.getByText(/SessionM, Inc\. must reply by/)).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("link", { name: "Open my case" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Case ${reference}`);
    await expect(page.getByText("The company responds")).toBeVisible();
    await expect(page.getByText("Complaint filed")).toBeVisible();
    await expect(page.getByRole("link", { name: "letter.pdf" })).toBeVisible();
    await expect(page.getByRole("button", { name: /Escalate to JAMS/ })).toBeDisabled();
    await expectAccessible(page);
  });

  test("against mParticle with HR data (France): the path goes to the data protection authorities", async ({ page }) => {
    // She lives in France and works in Belgium: HR complaints go where the employee works (R1.3).
    const reference = await fileComplaint(page, { org: "mparticle", name: "Élodie Bernard", email: "elodie@example.fr", country: "FR", hr: true, workCountry: "BE", description: "My HR file from my employer, a client of mParticle, is wrong." });
    await followMailLink(page, "elodie@example.fr", reference);
    await expect(page.getByRole("button", { name: "Go to the data protection authorities" })).toBeDisabled();
    await expect(page.getByRole("button", { name: /Escalate to/ })).toHaveCount(0);
    // Arbitration is barred for HR data (R3.2), and the checklist says why.
    await expect(page.getByText("No data protection authority has authority over the claim")).toBeVisible();
    await expect(page.locator("li", { hasText: "No data protection authority has authority" }).getByText("Barred")).toBeVisible();
  });

  test("against Customer Portfolios (Switzerland): the Swiss-U.S. framework is inferred, the Privacy Shield's DPF successor (R1.1)", async ({ page }) => {
    await fillComplaint(page, { org: "customer-portfolios", name: "Nina Keller", email: "nina@example.ch", country: "CH" });
    await page.getByRole("button", { name: "Back" }).click();
    await page.getByRole("button", { name: "Back" }).click();
    await page.getByRole("button", { name: "Back" }).click();
    await page.getByRole("button", { name: "Back" }).click();
    await expect(page.getByText("Your complaint falls under the Swiss-U.S. Data Privacy Framework.")).toBeVisible();
    await expect(page.getByText("Customer Portfolios LLC’s policy names the Swiss-U.S. Privacy Shield; companies still active under it have taken part in the Data Privacy Framework since it took effect.")).toBeVisible();
  });

  test("the same journey in German", async ({ page }) => {
    const reference = await fileComplaint(page, { locale: "de", org: "mparticle", name: "Jonas Weber", email: "jonas@example.de", country: "DE" });
    await expect(page.getByText(/mParticle, Inc\. muss bis zum .* antworten\./)).toBeVisible();
    await page.goto("/de/dev/mailbox");
    await expect(page.getByTestId("mail").filter({ hasText: `Beschwerde ${reference} eingegangen` })).toBeVisible();
    // Jonas chose German: the link in his mail opens the case in German.
    await followMailLink(page, "jonas@example.de", reference);
    await expect(page).toHaveURL(/\/de\/cases\//);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Fall ${reference}`);
    await expect(page.getByText("Das Unternehmen antwortet", { exact: true })).toBeVisible();
    await expect(page.getByText(/Diesen Schritt können Sie am .* gehen/)).toBeVisible();
    await expectAccessible(page);
  });

  test("someone else's address: the company sees nothing until its owner confirms, and a wrong address can be corrected", async ({ page }) => {
    const l = LABELS.en;
    const stamp = Date.now();
    const name = `Kim ${stamp.toString(36).replace(/[0-9]/g, (d) => "abcdefghij"[Number(d)]!)}`;
    const typo = `kim.${stamp}@exampel.eu`;
    const right = `kim.${stamp}@example.eu`;
    await sendComplaint(page, { org: "customer-portfolios", name, email: typo, country: "AT" });
    // A typo: back to the first step with everything kept, then sent again.
    await page.getByRole("button", { name: "Correct the email address" }).click();
    await expect(page.getByLabel(l.email)).toHaveValue(typo);
    await page.getByLabel(l.email).fill(right);
    await page.getByRole("button", { name: "Save and return to your answers" }).click();
    await page.getByRole("button", { name: l.submit }).click();
    await expect(page.getByText(`We sent a link to ${right}.`)).toBeVisible();

    // The company's queue does not hold it yet.
    await signInAs(page, "staff@customerportfolios.example");
    await page.goto("/en/org");
    await expect(page.getByText(name)).toHaveCount(0);
    const typoLink = await filingLink(page, typo);
    await page.context().clearCookies();
    // The first address's link died when the form was sent again.
    await page.goto(typoLink);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("This link no longer works");
    await expect(page.getByText("Nothing was sent to the company.")).toBeVisible();
    await expectAccessible(page);

    const reference = await confirmComplaint(page, right);
    // The link opened again shows the case sent, and sends nothing twice.
    await page.goto(await filingLink(page, right));
    await expect(page.getByTestId("reference")).toContainText(reference);
    await expect(page.getByRole("button", { name: l.send })).toHaveCount(0);
    await signInAs(page, "staff@customerportfolios.example");
    await page.goto("/en/org");
    await expect(page.getByText(name)).toBeVisible();
    await expect(page.getByText(reference)).toBeVisible();
  });

  test("confirmed in a browser where someone else is signed in: it says so, files, and nobody is switched", async ({ page }) => {
    const email = `noor.${Date.now()}@example.nl`;
    await sendComplaint(page, { org: "mparticle", name: "Noor de Vries", email, country: "NL" });
    // Asked again at once: a new link goes out all the same.
    await page.getByRole("button", { name: "Send the link again" }).click();
    await expect(page.getByText("Sent. Use the link in the newest mail")).toBeVisible();
    await page.goto("/en/dev/mailbox");
    await expect(page.getByTestId("mail").filter({ has: page.getByTestId("mail-to").getByText(email, { exact: true }) })).toHaveCount(2);

    await signInAs(page, "staff@mparticle.example");
    await page.goto(await filingLink(page, email));
    await expect(page.getByText(`You are signed in here as staff@mparticle.example. This complaint is from ${email}`)).toBeVisible();
    await page.getByRole("button", { name: LABELS.en.send }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your complaint has been filed");
    await expect(page.getByText("Signed in as staff@mparticle.example")).toBeAttached();
    await expect(page.getByRole("link", { name: "Open my case" })).toHaveCount(0);
    // Opened again later, the link says it was already sent.
    await page.reload();
    await page.goto(page.url().replace("?sent=1", ""));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("This complaint has already been sent");
  });

  test("on a phone in German: the confirmation page fits and sends", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    const email = `lena.${Date.now()}@example.de`;
    await sendComplaint(page, { locale: "de", org: "mparticle", name: "Lena Hoffmann", email, country: "DE" });
    // Titles in the page's language: tabs, history and screen readers say them.
    await expect(page).toHaveTitle("Beschwerde einreichen · Recourse");
    await expect(page.getByText(`Wir haben einen Link an ${email} gesendet.`)).toBeVisible();
    await page.goto(await filingLink(page, email));
    await expect(page).toHaveURL(/\/de\/file\/confirm\//);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ihre Beschwerde an mParticle, Inc. senden");
    await expect(page).toHaveTitle("Beschwerde senden · Recourse");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    if (process.env.RECOURSE_SCREENS) await page.screenshot({ path: "docs/screens/filing-confirm-phone-de.png", fullPage: true });
    await expectAccessible(page);
    await page.getByRole("button", { name: LABELS.de.send }).click();
    await expect(page.getByTestId("reference")).toBeVisible();
    await expect(page.getByRole("link", { name: "Meinen Fall öffnen" })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });

  test("a non-participant is refused plainly, with where to go instead", async ({ page }) => {
    await page.goto("/en/file/listen-first-labs");
    await expect(page.getByText("does not apply to Listen First Labs LLC")).toBeVisible();
    await expect(page.getByText("national data protection authority")).toBeVisible();
    // Where to find that authority, not only its name.
    await expect(page.getByRole("link", { name: "EU and EEA authorities (EDPB list)" })).toHaveAttribute("href", /edpb\.europa\.eu/);
    await expect(page.getByRole("link", { name: "United Kingdom: ICO" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Next" })).toHaveCount(0);
    await expectAccessible(page);
  });

  test("Next never sends the form: the last step opens without an error before anyone acts", async ({ page }) => {
    await fillComplaint(page, { org: "mparticle", name: "Nora Quinn", email: "nora.quinn@example.ie", country: "IE", noConsent: true });
    await expect(page.getByRole("button", { name: LABELS.en.submit })).toBeVisible();
    await expect(page.getByText("We need your consent to share the complaint.")).toHaveCount(0);
  });

  test("the last step shows every answer to check, each with a way back to change it", async ({ page }) => {
    await fillComplaint(page, { org: "mparticle", name: "Nora Quinn", email: "nora.quinn@example.ie", country: "IE", noConsent: true, description: "They kept emailing me after I unsubscribed in May." });
    const review = page.getByRole("region", { name: "Check your answers" });
    await expect(review).toContainText("Nora Quinn");
    await expect(review).toContainText("nora.quinn@example.ie");
    await expect(review).toContainText("Ireland");
    await expect(review).toContainText("They kept emailing me after I unsubscribed in May.");
    await expect(review).toContainText(LABELS.en.relief);
    if (process.env.RECOURSE_SCREENS) await page.screenshot({ path: "docs/screens/filing-check-your-answers.png", fullPage: true });
    await expectAccessible(page);
    await review.getByRole("button", { name: "Change: What happened" }).click();
    await page.getByLabel(LABELS.en.description).fill("They kept emailing me after I unsubscribed in May 2026, twice a week.");
    // Straight back to the answers, not through the steps in between.
    await page.getByRole("button", { name: "Save and return to your answers" }).click();
    await expect(review).toContainText("twice a week");
    await expect(page.getByText("We need your consent to share the complaint.")).toHaveCount(0);
  });

  test("bad input is answered field by field and nothing is stored", async ({ page }) => {
    const before = await caseCount(page);
    const l = LABELS.en;
    await page.goto("/en/file/mparticle");
    await page.evaluate(() => window.localStorage.clear());
    await page.reload();
    // Empty.
    await page.getByRole("button", { name: l.next }).click();
    // The name and the country are missing (not "a country outside the frameworks"); the address is not one.
    await expect(page.getByText("This field is required.")).toHaveCount(2);
    await expect(page.getByText("Enter a valid email address.")).toBeVisible();
    await expect(page.getByLabel(l.name)).toHaveAttribute("aria-invalid", "true");
    await expectAccessible(page);
    // Too long, and script tags.
    await page.getByLabel(l.name).fill("x".repeat(300));
    await page.getByLabel(l.email).fill("eve@example.eu");
    await page.getByLabel(l.country).selectOption("DE");
    await page.getByRole("button", { name: l.next }).click();
    await expect(page.getByText("This is too long.")).toBeVisible();
    await page.getByLabel(l.name).fill("<script>alert('x')</script>");
    await page.getByRole("button", { name: l.next }).click();
    await expect(page.getByText("Plain text only")).toBeVisible();
    // A disguised executable is refused by the server, beside the files field.
    await fillComplaint(page, { org: "mparticle", name: "Eve Example", email: "eve@example.eu", country: "DE", files: [EXE] });
    await page.getByRole("button", { name: l.submit }).click();
    await expect(page.getByText("is not a PDF, PNG, JPEG or plain text file")).toBeVisible();
    // It names the file to replace.
    await expect(page.getByText(/^evidence\.pdf: /)).toBeVisible();
    await expect(page.getByTestId("reference")).toHaveCount(0);
    expect(await caseCount(page)).toBe(before);
  });

  test("a draft survives a reload, and a double submit makes one case", async ({ page }) => {
    const l = LABELS.en;
    await page.goto("/en/file/mparticle");
    await page.evaluate(() => window.localStorage.clear());
    await page.reload();
    await page.getByLabel(l.name).fill("Dora Draft");
    await page.getByLabel(l.email).fill("dora@example.eu");
    await page.reload();
    await expect(page.getByLabel(l.name)).toHaveValue("Dora Draft");
    await expect(page.getByLabel(l.email)).toHaveValue("dora@example.eu");

    const before = await caseCount(page);
    await fillComplaint(page, { org: "mparticle", name: "Dora Draft", email: "dora@example.eu", country: "NL" });
    // Two submits in the same instant, before the page can disable its button.
    await page.locator("form").filter({ has: page.getByRole("button", { name: l.submit }) }).evaluate((form: HTMLFormElement) => {
      form.requestSubmit();
      form.requestSubmit();
    });
    await expect(page.getByRole("heading", { name: l.pending })).toBeVisible();
    await confirmComplaint(page, "dora@example.eu");
    expect(await caseCount(page)).toBe(before + 1);
  });
});
