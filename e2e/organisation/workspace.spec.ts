import { expect, test } from "@playwright/test";
import { caseLinks, expectAccessible, signInAs } from "../support/helpers";
import { fileComplaint, signInByEmail } from "../support/filing";

test.describe("the company workspace", () => {
  test("mParticle staff acknowledges, asks for information, replies; the complainant accepts; internal notes stay internal", async ({ page }) => {
    const reference = await fileComplaint(page, { org: "mparticle", name: "Hanna Berg", email: "hanna@example.se", country: "SE" });

    await signInAs(page, "staff@mparticle.example");
    await page.getByLabel("Reference or complainant").fill(reference);
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page.getByText("1 case")).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("link", { name: reference }).click();
    await page.waitForURL(/\/cases\//);
    const caseUrl = page.url().split("?")[0]!;
    await expectAccessible(page);

    await page.getByRole("button", { name: "Acknowledge receipt" }).click();
    await expect(page.getByText("Done: Acknowledge receipt.")).toBeVisible();
    await expect(page.getByTestId("clocks").locator("li", { hasText: "The company acknowledges receipt" }).getByText("Met")).toBeVisible();

    const ask = page.locator("details", { hasText: "Ask for information" });
    await ask.getByText("Ask for information").click();
    await ask.getByLabel("Message to the complainant").fill("Which app account did you use?");
    await ask.getByRole("button", { name: "Send" }).click();
    await expect(page.getByText("The company asked for information", { exact: true })).toBeVisible();

    await page.getByLabel("Your message").fill("Internal: account lookup pending with data team.");
    await page.getByLabel("Who sees it").selectOption("internal");
    await page.locator("#messages").getByRole("button", { name: "Send" }).click();
    await expect(page.getByText("Message sent.")).toBeVisible();

    await page.getByLabel("Assign to").selectOption({ label: "Morgan Lee (mParticle)" });
    await page.getByRole("button", { name: "Assign", exact: true }).click();
    await expect(page.getByText("Case assigned within the company")).toBeVisible();

    const reply = page.locator("details", { hasText: "Record the response" });
    await reply.getByText("Record the response").click();
    await reply.getByLabel("Your formal response to the complaint").fill("We found and deleted the data shared with third parties.");
    await reply.getByRole("button", { name: "Send" }).click();
    await expect(page.getByTestId("clocks").locator("li", { hasText: "The company responds" }).getByText("Met")).toBeVisible();

    // The complainant sees the request and the reply, not the internal note, and accepts.
    await signInByEmail(page, "hanna@example.se");
    await page.goto(caseUrl);
    await expect(page.locator("#messages").getByText("Which app account did you use?")).toBeVisible();
    await expect(page.getByText("We found and deleted the data shared with third parties.")).toBeVisible();
    await expect(page.getByText("Internal: account lookup pending")).toHaveCount(0);
    await page.getByText("Accept the company's answer").click();
    await page.getByRole("button", { name: "Yes, go ahead" }).click();
    await expect(page.getByText("The complainant accepted the answer")).toBeVisible();
    await expect(page.getByText("Closed", { exact: true })).toBeVisible();
  });

  test("exports: the queue as CSV and the case file as PDF; another organisation's staff gets 'not found' by URL and by export", async ({ page }) => {
    await signInAs(page, "staff@mparticle.example");
    const [own] = await caseLinks(page);
    const csvLink = await page.getByRole("link", { name: "Download as CSV" }).getAttribute("href");
    const csv = await page.request.get(csvLink!);
    expect(csv.status()).toBe(200);
    // Labels in the reader's language, not codes; a byte-order mark so spreadsheets read UTF-8.
    const text = await csv.text();
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.slice(1).split("\n")[0]).toBe("Reference,Filed on (America/New_York),Complainant,Framework,HR data,Step,Status,Next deadline on,Its time zone,Next deadline owed by,Assignee");
    // Days in the company's zone, as its pages show them, not instants.
    expect(text.split("\n")[1]).toMatch(/^RC-[^,]+,\d{4}-\d{2}-\d{2},/);
    expect(text).toMatch(/,(Open|Closed),/);
    expect(text).not.toMatch(/,(eu-us-dpf|swiss-us-dpf|uk-ext-dpf|organisation|open|yes|no),/);

    await page.goto(own!);
    // Two variants: for the record (internal notes marked) and to share (the common thread only).
    const shareLink = await page.getByRole("link", { name: "Case file to share (PDF, shared thread only)" }).getAttribute("href");
    const pdfLink = await page.getByRole("link", { name: "Case file for the record (PDF, with internal notes)" }).getAttribute("href");
    for (const [link, variant] of [[pdfLink, "record"], [shareLink, "share"]] as const) {
      const pdf = await page.request.get(link!);
      expect(pdf.status()).toBe(200);
      expect(pdf.headers()["content-type"]).toBe("application/pdf");
      expect(pdf.headers()["content-disposition"]).toContain(`-${variant}.pdf`);
      const bytes = (await pdf.body()).toString("latin1");
      expect(bytes.startsWith("%PDF-1.7")).toBe(true);
      expect(bytes).toContain("/StructTreeRoot");
    }

    await signInAs(page, "staff@customerportfolios.example");
    expect((await page.goto(own!))?.status()).toBe(404);
    expect((await page.request.get(csvLink!)).status()).toBe(404);
    expect((await page.request.get(pdfLink!)).status()).toBe(404);
  });

  test("a refused reply stays in its box with every field error beside it and in a summary; nothing is recorded, nothing redirects", async ({ page }) => {
    const reference = await fileComplaint(page, { org: "mparticle", name: "Refused Reply", email: "refused.reply@example.nl", country: "NL" });
    await signInAs(page, "staff@mparticle.example");
    await page.getByLabel("Reference or complainant").fill(reference);
    await page.getByRole("button", { name: "Apply" }).click();
    await page.getByRole("link", { name: reference }).click();
    await page.waitForURL(/\/cases\//);
    const caseUrl = page.url();
    await page.getByRole("button", { name: "Acknowledge receipt" }).click();
    await expect(page.getByText("Done: Acknowledge receipt.")).toBeVisible();

    // Markup and a control character: two errors on one field, both shown.
    const typed = "<b>hi</b> we deleted it\u0007";
    const reply = page.locator("details", { hasText: "Record the response" });
    await reply.getByText("Record the response").click();
    await reply.getByLabel("Your formal response to the complaint").fill(typed);
    await reply.getByRole("button", { name: "Send" }).click();

    const summary = reply.getByRole("alert").filter({ hasText: "This was not sent" });
    await expect(summary).toBeVisible();
    await expect(summary.getByRole("link", { name: "Your formal response to the complaint" })).toHaveAttribute("href", `#${await reply.locator("textarea").getAttribute("id")}`);
    const box = reply.getByLabel("Your formal response to the complaint");
    await expect(box).toHaveValue(typed);
    await expect(box).toHaveAttribute("aria-invalid", "true");
    await expect(reply.locator(`#${await box.getAttribute("id")}-error`)).toContainText("Plain text only");
    await expect(reply.locator(`#${await box.getAttribute("id")}-error`)).toContainText("characters that are not allowed");
    expect(page.url()).toBe(caseUrl);
    await expect(page.getByText("The company responded")).toHaveCount(0);
    await expectAccessible(page);

    // A formal response says what was found and done (R2.1): two words are refused, and kept.
    await expect(reply.getByText(/it ends its 45 days and cannot be withdrawn or replaced/)).toBeVisible();
    await box.fill("We deleted it.");
    await reply.getByRole("button", { name: "Send the formal response" }).click();
    await expect(reply.locator(`#${await box.getAttribute("id")}-error`)).toContainText("at least 20 characters");
    await expect(box).toHaveValue("We deleted it.");

    // Corrected, it goes through, once: there is no second formal response to give.
    await box.fill("We deleted the data you asked about.");
    await reply.getByRole("button", { name: "Send the formal response" }).click();
    await expect(page.getByText("Done: Record the response.")).toBeVisible();
    await expect(page.getByText("We deleted the data you asked about.")).toBeVisible();
    await expect(page.locator("summary", { hasText: "Record the response" })).toHaveCount(0);
  });

  test("without JavaScript a refused message comes back with its text and its error, and a sent one is sent", async ({ browser, page }) => {
    const reference = await fileComplaint(page, { org: "mparticle", name: "No Script", email: "no.script@example.dk", country: "DK" });
    await signInAs(page, "staff@mparticle.example");
    await page.getByLabel("Reference or complainant").fill(reference);
    await page.getByRole("button", { name: "Apply" }).click();
    await page.getByRole("link", { name: reference }).click();
    await page.waitForURL(/\/cases\//);
    const caseUrl = page.url();
    const context = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
    const plain = await context.newPage();
    await plain.goto(caseUrl);
    const messages = plain.locator("#messages");
    await messages.getByLabel("Your message").fill("<b>hi</b>");
    await messages.getByRole("button", { name: "Send" }).click();
    await expect(messages.getByLabel("Your message")).toHaveValue("<b>hi</b>");
    await expect(messages.getByLabel("Your message")).toHaveAttribute("aria-invalid", "true");
    await expect(messages.getByText("Plain text only")).toBeVisible();
    expect(plain.url()).not.toMatch(/\/home$/);

    await messages.getByLabel("Your message").fill("Checked without scripts.");
    await messages.getByRole("button", { name: "Send" }).click();
    await expect(messages.getByText("Checked without scripts.")).toBeVisible();
    await expect(messages.getByText("Message sent.")).toBeVisible();
    await context.close();
  });

  test("two people acting on one case at once: one change, one clear conflict", async ({ browser }) => {
    const a = await browser.newPage();
    const b = await browser.newPage();
    await signInAs(a, "staff@mparticle.example");
    await signInAs(b, "admin@mparticle.example");
    const reference = await fileComplaint(a, { org: "mparticle", name: "Conflict Test", email: "conflict@example.be", country: "BE" });
    await signInAs(a, "staff@mparticle.example");
    await a.getByLabel("Reference or complainant").fill(reference);
    await a.getByRole("button", { name: "Apply" }).click();
    await a.getByRole("link", { name: reference }).click();
    await a.waitForURL(/\/cases\//);
    await b.goto(a.url());
    // Opening the case reads b's bell items about it and refreshes b's page (MarkCaseRead):
    // let that settle first, or the refresh can land after a's step and show it to b.
    await b.waitForLoadState("networkidle");
    await a.getByRole("button", { name: "Acknowledge receipt" }).click();
    await expect(a.getByText("Done: Acknowledge receipt.")).toBeVisible();
    await b.getByRole("button", { name: "Acknowledge receipt" }).click();
    await expect(b.getByRole("alert").filter({ hasText: "Someone else changed this case a moment ago" })).toBeVisible();
    await expect(b.getByText("The company acknowledged receipt")).toHaveCount(1);
    await a.close();
    await b.close();
  });
});

test.describe("team and settings", () => {
  test("an admin invites a colleague, who joins only by accepting from the mail, and sees the queue", async ({ page }) => {
    await signInAs(page, "admin@mparticle.example");
    await page.getByRole("link", { name: "Settings" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Settings of mParticle, Inc.");
    await expectAccessible(page);
    await page.getByLabel("Email", { exact: true }).fill("riley.new@mparticle.example");
    await page.getByLabel("Name (optional)").fill("Riley New");
    await page.getByRole("button", { name: "Invite" }).click();
    await expect(page.getByText("Invitation sent. They join when they accept it from the mail.")).toBeVisible();
    const pending = page.getByRole("listitem").filter({ hasText: "riley.new@mparticle.example" });
    await expect(pending).toContainText("Staff · open until");
    await expect(pending.getByRole("button", { name: "Cancel invitation riley.new@mparticle.example" })).toBeVisible();

    await page.context().clearCookies();
    await page.goto("/en/dev/mailbox");
    const mail = page.getByTestId("mail").filter({ has: page.getByTestId("mail-to").getByText("riley.new@mparticle.example", { exact: true }) }).filter({ hasText: "Join mParticle, Inc. on Recourse" }).first();
    await expect(mail).toContainText("the link works for 72 hours");
    const link = await mail.locator('a[href*="/invitation/"]').getAttribute("href");
    await page.goto(link!);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Join mParticle, Inc. on Recourse");
    await expect(page.getByText("Jordan Park (mParticle admin) invited riley.new@mparticle.example to answer privacy complaints for mParticle, Inc., as Company staff.")).toBeVisible();
    if (process.env.RECOURSE_SCREENS) await page.screenshot({ path: "docs/screens/invitation.png", fullPage: true });
    await expectAccessible(page);
    await page.getByRole("button", { name: "Accept and sign in as riley.new@mparticle.example" }).click();
    await expect(page).toHaveURL(/\/en\/org$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Complaints against mParticle, Inc.");
    await expect(page.getByText("Signed in as riley.new@mparticle.example")).toBeAttached();
    // A colleague who is not an admin sees the settings but cannot change them.
    await page.getByRole("link", { name: "Settings" }).click();
    await expect(page.getByText("Only your organisation's admins can change these settings.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Invite" })).toHaveCount(0);
    // What staff may not change is shown as text, not as fields that refuse input.
    await expect(page.getByRole("textbox")).toHaveCount(0);
    await expect(page.getByRole("combobox")).toHaveCount(0);
    await expect(page.getByText("privacy@mparticle.com")).toBeVisible();
    // The link has done its work.
    await page.goto(link!);
    await expect(page.getByRole("alert").filter({ hasText: "already" })).toHaveText("This invitation has already been accepted.");
    await page.getByRole("link", { name: "Open the team's cases" }).click();
    await expect(page).toHaveURL(/\/en\/org$/);
  });

  test("a colleague declines: the page says so, and the admin's team list shows it declined", async ({ page }) => {
    const email = `sam.${Date.now()}@mparticle.example`;
    await signInAs(page, "admin@mparticle.example");
    await page.getByRole("link", { name: "Settings" }).click();
    await page.getByLabel("Email", { exact: true }).fill(email);
    await page.getByRole("button", { name: "Invite" }).click();
    await expect(page.getByText("Invitation sent. They join when they accept it from the mail.")).toBeVisible();
    await page.context().clearCookies();
    await page.goto("/en/dev/mailbox");
    const mail = page.getByTestId("mail").filter({ has: page.getByTestId("mail-to").getByText(email, { exact: true }) }).first();
    await page.goto((await mail.locator('a[href*="/invitation/"]').getAttribute("href"))!);
    await page.getByRole("button", { name: "Decline" }).click();
    await expect(page.getByText("You declined this invitation. Nothing was changed.")).toBeVisible();
    await expect(page.getByText("withdrawn")).toHaveCount(0);
    await expectAccessible(page);

    await signInAs(page, "admin@mparticle.example");
    await page.getByRole("link", { name: "Settings" }).click();
    const row = page.getByRole("listitem").filter({ hasText: email });
    await expect(row).toContainText("declined on");
    await expect(row.getByRole("button", { name: `Cancel invitation ${email}` })).toHaveCount(0);
  });
  test("the only admin cannot leave the team, and is told what to do instead", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await signInAs(page, "admin@customerportfolios.example");
    await page.goto("/en/org/settings");
    await page.getByLabel("Remove admin@customerportfolios.example").click();
    await page.getByRole("button", { name: "Remove from the team" }).click();
    await expect(page.getByText("The organisation needs at least one admin: make a colleague an admin first, then change this.")).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expect(page.getByRole("listitem").filter({ hasText: "Riley Adams" }).first()).toBeVisible();
  });
});
