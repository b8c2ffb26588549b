import { expect, test, type Page } from "@playwright/test";
import { fileComplaint, signInByEmail } from "../support/filing";
import { expectAccessible, signInAs } from "../support/helpers";

/** A name no other journey files: the queue's search then lists this journey's cases alone. */
const tag = () => [...Date.now().toString(36)].map((c) => String.fromCharCode(97 + (parseInt(c, 36) % 26))).join("");

/**
 * With RECOURSE_SCREENS=1: the screen for docs/screens (desktop), and the same at a phone's
 * width under test-results to look at.
 */
async function shoot(page: Page, name: string, part?: string) {
  if (!process.env.RECOURSE_SCREENS) return;
  const shot = (path: string) => (part ? page.locator(part).screenshot({ path }) : page.screenshot({ path, fullPage: true }));
  await shot(`docs/screens/${name}.png`);
  const size = page.viewportSize()!;
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(`test-results/${name}-phone.png`);
  await page.setViewportSize(size);
}

async function fileThree(page: Page, family: string, firstNames = ["Ines", "Marek", "Sofie"]) {
  const people = firstNames.map((first) => ({ name: `${first} ${family}`, email: `${first}.${family}@example.eu`.toLowerCase() }));
  const references: string[] = [];
  for (const p of people) references.push(await fileComplaint(page, { org: "mparticle", name: p.name, email: p.email, country: "DE" }));
  return { people, references };
}

test.describe("a company's team works its caseload", () => {
  // Each journey files three complaints as their complainants do first.
  test.setTimeout(240_000);
  test("bulk-assigns from the queue, replies from a template with a document, and the complainant reads it", async ({ page }) => {
    const family = `Caseload${tag()}`;
    const { people, references } = await fileThree(page, family);
    const template = `Acknowledgment ${family}`;

    // An admin writes the template; a placeholder Recourse cannot fill is refused by name, the text kept.
    await signInAs(page, "admin@mparticle.example");
    await page.goto("/en/org/settings#templates");
    // The new template's own form: the page also lists the organisation's templates (the demo has one).
    const form = page.getByRole("region", { name: "New template", exact: true });
    await form.getByLabel("Template name").fill(template);
    await form.getByLabel("Text").fill("Dear {{complainant_name}}, about {{ticket}}.");
    await form.getByRole("button", { name: "Save template" }).click();
    await expect(form.getByRole("alert")).toContainText("The template uses {{ticket}}, which Recourse cannot fill.");
    await expect(form.getByLabel("Text")).toHaveValue("Dear {{complainant_name}}, about {{ticket}}.");
    await form.getByLabel("Text").fill("Dear {{complainant_name}},\nwe have your complaint {{reference}} to {{company}} and will answer by {{due_date}}.");
    await form.getByRole("button", { name: "Save template" }).click();
    // Saved, it is listed under its own name, beside the demo company's example template.
    await expect(page.getByRole("textbox", { name: `Template name (${template})` })).toHaveValue(template);
    await expect(page.getByRole("textbox", { name: "Template name (Acknowledgment of receipt (example))" })).toBeVisible();
    await expectAccessible(page);

    // A team member ticks this journey's cases (all on the page, found by name) and assigns them.
    await signInAs(page, "staff@mparticle.example");
    await page.goto(`/en/org?q=${family}`);
    for (const reference of references) await expect(page.getByRole("link", { name: reference })).toBeVisible();
    await page.getByRole("checkbox", { name: "Select all cases on this page" }).check();
    for (const reference of references) await expect(page.getByRole("checkbox", { name: `Select ${reference}` })).toBeChecked();
    await page.getByLabel("Assign the selected cases to").selectOption({ label: "Jordan Park (mParticle admin)" });
    await expectAccessible(page);
    await shoot(page, "queue-bulk-assign");
    await page.getByRole("button", { name: "Assign selected" }).click();
    await expect(page.getByRole("status").filter({ hasText: "3 cases assigned." })).toBeVisible();
    for (const reference of references) await expect(page.getByRole("row", { name: new RegExp(reference) })).toContainText("Jordan Park (mParticle admin)");

    // One of them, assigned meanwhile elsewhere, is named; the other is still assigned.
    await page.getByRole("checkbox", { name: `Select ${references[0]}` }).check();
    await page.getByRole("checkbox", { name: `Select ${references[1]}` }).check();
    await page.getByLabel("Assign the selected cases to").selectOption({ label: "Morgan Lee (mParticle)" });
    await page.evaluate((ref) => {
      const box = [...document.querySelectorAll<HTMLInputElement>('input[name="cases"]')].find((b) => b.getAttribute("aria-label") === `Select ${ref}`)!;
      box.value = box.value.replace(/:\d+$/, ":0");
    }, references[0]!);
    await page.getByRole("button", { name: "Assign selected" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "1 assigned, 1 not:" })).toContainText(`${references[0]} (changed meanwhile)`);

    // A template reply with a document on one case; a refused file is named and the text survives.
    await page.getByRole("link", { name: references[2]! }).click();
    await page.waitForURL(/\/en\/cases\//);
    const casePath = new URL(page.url()).pathname;
    // What was typed first stays: the template goes after it, and the page says where it went.
    const box = page.getByLabel("Your message");
    await box.fill("Thank you for writing.");
    await page.getByLabel("Reply template").selectOption({ label: template });
    await page.getByRole("button", { name: "Use template" }).click();
    await expect(page.getByRole("status").filter({ hasText: `${template} was added to “Your message”.` })).toBeVisible();
    await expect(box).toHaveValue(new RegExp(`^Thank you for writing\\.\\n\\nDear ${people[2]!.name},\\nwe have your complaint ${references[2]} to mParticle, Inc\\. and will answer by \\w+ \\d{1,2}, \\d{4}\\.$`));
    await box.fill(`${await box.inputValue()}\nThe copy of your data is attached.`);
    const typed = await box.inputValue();
    await shoot(page, "case-reply-template", "#messages");
    await page.getByLabel("Documents (optional)").setInputFiles({ name: "not-a-picture.png", mimeType: "image/png", buffer: Buffer.from("plain words, not a PNG") });
    await page.getByRole("button", { name: "Send" }).click();
    await expect(page.locator("#message-files-error")).toContainText("not-a-picture.png");
    await expect(box).toHaveValue(typed);
    await page.getByLabel("Documents (optional)").setInputFiles({ name: "your-data.txt", mimeType: "text/plain", buffer: Buffer.from("Name, e-mail address, visits in 2026.\n") });
    await expectAccessible(page);
    await page.getByRole("button", { name: "Send" }).click();
    await expect(page.getByText("Message sent.")).toBeVisible();
    // Sent, the reply box starts empty again.
    await expect(box).toHaveValue("");
    expect(new URL(page.url()).searchParams.has("template")).toBe(false);

    // The complainant reads the reply, filled from the case, and its document.
    await signInByEmail(page, people[2]!.email);
    await page.goto(casePath);
    const reply = page.locator("#messages li").filter({ hasText: "The copy of your data is attached." });
    await expect(reply).toContainText(`Dear ${people[2]!.name},`);
    await expect(reply).toContainText(references[2]!);
    await expect(reply).not.toContainText("{{");
    await expect(reply.getByRole("link", { name: "your-data.txt" })).toBeVisible();
    await expectAccessible(page);
  });

  test("keyboard: j/k move through the queue, Enter opens, ? lists the shortcuts; nothing fires while typing", async ({ page }) => {
    const family = `Keys${tag()}`;
    const { references } = await fileThree(page, family);
    await signInAs(page, "staff@mparticle.example");
    await page.goto(`/en/org?q=${family}&sort=reference`);
    const sorted = [...references].sort();
    // The shortcuts listen once the page is hydrated: a key pressed before that is only a key.
    await expect(async () => {
      await page.keyboard.press("j");
      await expect(page.getByRole("link", { name: sorted[0]! })).toBeFocused({ timeout: 500 });
    }).toPass({ timeout: 15_000 });
    await page.keyboard.press("j");
    await expect(page.getByRole("link", { name: sorted[1]! })).toBeFocused();
    const ring = await page.getByRole("link", { name: sorted[1]! }).evaluate((a) => getComputedStyle(a).outlineStyle);
    expect(ring).not.toBe("none");
    await page.keyboard.press("k");
    await expect(page.getByRole("link", { name: sorted[0]! })).toBeFocused();

    await page.keyboard.press("?");
    const dialog = page.getByRole("dialog", { name: "Keyboard shortcuts" });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText("Next case");
    await expectAccessible(page);
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();

    // Typed into the search field, j is a letter.
    await page.getByLabel("Reference or complainant").focus();
    await page.keyboard.press("End");
    await page.keyboard.press("j");
    await expect(page.getByLabel("Reference or complainant")).toHaveValue(`${family}j`);

    await page.getByRole("link", { name: sorted[0]! }).focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/en\/cases\//);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(sorted[0]!);

    // On the case: r goes to the reply box, where a is a letter; outside it, a assigns the case to me.
    await page.locator("h1").click();
    await expect(async () => {
      await page.keyboard.press("r");
      await expect(page.getByLabel("Your message")).toBeFocused({ timeout: 500 });
    }).toPass({ timeout: 15_000 });
    await page.keyboard.type("a");
    await expect(page.getByLabel("Your message")).toHaveValue("a");
    await page.locator("h1").click();
    await page.keyboard.press("a");
    await expect(page.getByRole("button", { name: "Assign to me" })).toBeHidden();
    await expect(page.getByLabel("Assign to", { exact: true }).locator("option:checked")).toHaveText("Morgan Lee (mParticle)");
  });

  test("bulk assignment without JavaScript: a plain form, and 'select all on this page' sends the page's cases", async ({ page, browser }) => {
    const family = `Plain${tag()}`;
    const { references } = await fileThree(page, family, ["Lena", "Piet"]);
    const context = await browser.newContext({ javaScriptEnabled: false });
    const plain = await context.newPage();
    await signInAs(plain, "staff@mparticle.example");
    await plain.goto(`/en/org?q=${family}`);
    await plain.getByLabel("Assign the selected cases to").selectOption({ label: "Morgan Lee (mParticle)" });
    await plain.getByRole("button", { name: "Assign selected" }).click();
    await expect(plain.getByRole("alert")).toContainText("Select at least one case.");
    // What was chosen comes back with the refusal.
    await expect(plain.getByLabel("Assign the selected cases to").locator("option:checked")).toHaveText("Morgan Lee (mParticle)");
    await plain.getByRole("checkbox", { name: "Select all cases on this page" }).check();
    await plain.getByRole("button", { name: "Assign selected" }).click();
    await expect(plain.getByRole("status").filter({ hasText: "2 cases assigned." })).toBeVisible();
    await plain.goto(`/en/org?q=${family}`);
    for (const reference of references) await expect(plain.getByRole("row", { name: new RegExp(reference) })).toContainText("Morgan Lee (mParticle)");
    await context.close();
  });
});
