import { expect, test } from "@playwright/test";
import { fileComplaint } from "../support/filing";
import { startReceiver, verify } from "../support/webhooks";
import { expectAccessible, signInAs } from "../support/helpers";

test.describe("webhooks", () => {
  test("mParticle's admin subscribes (secret shown once), a case message is delivered signed and logged, sent again, the secret rotated and the subscription deleted, each irreversible step asked first", async ({ page }) => {
    const receiver = await startReceiver();
    try {
      // A path of its own, so that a repeated run meets only its subscription.
      const run = Date.now().toString(36);
      const url = `http://127.0.0.1:${receiver.port}/recourse/${run}`;
      // A case of its own, with the company (other journeys move the shared cases up the ladder).
      await fileComplaint(page, { org: "mparticle", name: "Hanna Haken", email: `hook.${run}@example.de`, country: "DE" });
      await page.getByRole("link", { name: "Open my case" }).click();
      await page.waitForURL(/\/en\/cases\/[0-9a-f-]+$/);
      const caseUrl = page.url();
      await signInAs(page, "admin@mparticle.example");

      await page.getByRole("link", { name: "API tokens" }).click();
      await expect(page.getByRole("heading", { name: "Webhooks", exact: true })).toBeVisible();
      await page.getByLabel("URL").fill(url);
      await page.getByLabel("Escalated to you").uncheck();
      await page.getByRole("button", { name: "Create webhook" }).click();
      const shown = page.getByLabel("Signing secret", { exact: true });
      await expect(shown).toHaveValue(/^whsec_[A-Za-z0-9+/]{43}=$/);
      const secret = await shown.inputValue();
      const mine = page.getByTestId("webhook-list").locator(`li[data-url="${url}"]`);
      await expect(mine.getByText("Active")).toBeVisible();
      await expect(mine.getByText("Escalated to you")).toHaveCount(0);
      await expectAccessible(page);
      await page.reload();
      expect(await page.content()).not.toContain(secret);

      // A case event: an internal note on one of mParticle's cases.
      const note = `Webhook check ${run}`;
      await page.goto(caseUrl!);
      await page.getByLabel("Your message").fill(note);
      await page.getByLabel("Who sees it").selectOption("internal");
      await page.locator("#messages").getByRole("button", { name: "Send" }).click();
      await expect(page.getByText("Message sent.")).toBeVisible();
      await expect.poll(() => receiver.hooks.length, { timeout: 30_000 }).toBeGreaterThan(0);
      const [first] = receiver.hooks;
      const payload = verify(secret, first!);
      expect(payload.type).toBe("case.message");
      expect(payload.data.message?.body).toBe(note);

      // A step on the case (an assignment) is delivered as it is taken.
      const assign = page.getByLabel("Assign to");
      const current = await assign.inputValue();
      const choices = await assign.locator("option").evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
      await assign.selectOption(choices.find((v) => v !== current)!);
      await page.getByRole("button", { name: "Assign", exact: true }).click();
      await expect.poll(() => receiver.hooks.map((h) => verify(secret, h)).find((p) => p.type === "case.step_taken")?.data, { timeout: 15_000 }).toMatchObject({ event: "case.assigned" });

      // The delivery log shows it; "Send again" posts the same message id once more.
      await page.goto("/en/integrations");
      const row = page.locator(`tr[data-delivery="${first!.id}"]`);
      await expect(async () => {
        await page.reload();
        await expect(row.getByText("Delivered")).toBeVisible({ timeout: 1_000 });
      }).toPass({ timeout: 15_000 });
      await expect(row.getByText("Message")).toBeVisible();
      await expect(row.getByText(payload.data.reference)).toBeVisible();
      await expect(row.getByRole("cell", { name: "200" })).toBeVisible();
      await expectAccessible(page);
      await row.getByRole("button", { name: /^Send again/ }).click();
      await expect(page.getByText("Queued to be sent again.")).toBeVisible();
      const again = () => receiver.hooks.filter((h) => h.id === first!.id);
      await expect.poll(() => again().length, { timeout: 30_000 }).toBe(2);
      verify(secret, again()[1]!);

      // Rotation asks first and says what happens; then both secrets sign.
      await mine.locator("summary", { hasText: "Rotate secret" }).click();
      await expect(mine.getByText(/keeps signing too for 24 hours/)).toBeVisible();
      await mine.getByRole("button", { name: "Yes, make a new secret" }).click();
      const rotated = page.getByLabel("New signing secret");
      await expect(rotated).toHaveValue(/^whsec_/);
      const next = await rotated.inputValue();
      expect(next).not.toBe(secret);
      await expect(mine.getByText(/The previous secret also signs until/)).toBeVisible();
      await page.reload();
      await row.getByRole("button", { name: /^Send again/ }).click();
      await expect.poll(() => again().length, { timeout: 30_000 }).toBe(3);
      const third = again()[2]!;
      expect(String(third.headers["webhook-signature"]).split(" ")).toHaveLength(2);
      verify(secret, third);
      verify(next, third);

      // Deletion asks first, naming what is lost.
      await mine.locator("summary", { hasText: "Delete" }).click();
      await expect(mine.getByText(/its delivery log is deleted/)).toBeVisible();
      await mine.getByRole("button", { name: "Yes, delete it" }).click();
      await expect(page.getByText("Webhook deleted.")).toBeVisible();
      await expect(mine).toHaveCount(0);
      await expect(row).toHaveCount(0);
    } finally {
      await receiver.close();
    }
  });

  test("staff who are not admins cannot subscribe", async ({ page }) => {
    await signInAs(page, "staff@mparticle.example");
    expect((await page.goto("/en/integrations"))?.status()).toBe(404);
  });
});
