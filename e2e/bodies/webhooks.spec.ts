import { expect, test } from "@playwright/test";
import { expectAccessible, signInAs } from "../support/helpers";
import { handedToAna } from "../support/filing";
import { startReceiver, verify } from "../support/webhooks";

test.describe("a recourse body's webhooks", () => {
  test("ANA subscribes; a case reaches it only when escalated to it, signed; what follows on the shared thread reaches it, the company's internal note never does", async ({ page }) => {
    const receiver = await startReceiver();
    const run = Date.now().toString(36);
    const url = `http://127.0.0.1:${receiver.port}/ana/${run}`;
    try {
      await signInAs(page, "liaison@ana.example");
      await page.goto("/en/integrations");
      await page.getByLabel("URL").fill(url);
      await page.getByRole("button", { name: "Create webhook" }).click();
      const secret = await page.getByLabel("Signing secret", { exact: true }).inputValue();
      expect(secret).toMatch(/^whsec_/);
      const mine = page.getByTestId("webhook-list").locator(`li[data-url="${url}"]`);
      await expect(mine.getByText("Escalated to you")).toBeVisible();

      const email = `ana.hook.${run}@example.nl`;
      const { reference, caseUrl } = await handedToAna(page, { name: "Lotte Jansen", email, answer: "We stopped sending your profile to advertisers." });
      const ours = () => receiver.hooks.map((h) => verify(secret, h)).filter((p) => p.data.reference === reference);

      // Handed over: "escalated to you", with the rung, signed under the secret shown once.
      await expect.poll(() => ours().find((p) => p.type === "case.escalated")?.data, { timeout: 30_000 }).toMatchObject({ reference, rung: "irm", event: "irm.escalated" });
      // Nothing from before the hand-over: not the filing, not the company's answer.
      expect(ours().map((p) => p.type)).not.toContain("case.filed");
      expect(ours().map((p) => p.data.event)).not.toContain("organisation.responded");

      // The company writes an internal note, then a reply on the shared thread.
      const note = `Internal only ${run}`;
      const reply = `We are sorry and will answer ANA ${run}`;
      await signInAs(page, "staff@customerportfolios.example");
      await page.goto(caseUrl);
      await page.getByLabel("Your message").fill(note);
      await page.getByLabel("Who sees it").selectOption("internal");
      await page.locator("#messages").getByRole("button", { name: "Send" }).click();
      await expect(page.getByText("Message sent.")).toBeVisible();
      await page.getByLabel("Your message").fill(reply);
      await page.getByLabel("Who sees it").selectOption("complainant");
      await page.locator("#messages").getByRole("button", { name: "Send" }).click();
      await expect(page.getByText("Message sent.")).toBeVisible();
      await expect.poll(() => ours().find((p) => p.type === "case.message")?.data.message, { timeout: 30_000 }).toMatchObject({ body: reply, visibility: "complainant" });
      expect(ours().filter((p) => p.data.message?.body === note)).toEqual([]);

      // ANA's delivery log shows the hand-over delivered; the subscription is then deleted, asked first.
      await signInAs(page, "liaison@ana.example");
      await page.goto("/en/integrations");
      const escalated = receiver.hooks.find((h) => verify(secret, h).type === "case.escalated" && verify(secret, h).data.reference === reference)!;
      const row = page.locator(`tr[data-delivery="${escalated.id}"]`);
      await expect(async () => {
        await page.reload();
        await expect(row.getByText("Delivered")).toBeVisible({ timeout: 1_000 });
      }).toPass({ timeout: 15_000 });
      await expect(row.getByText(reference)).toBeVisible();
      await expectAccessible(page);
      await mine.locator("summary", { hasText: "Delete" }).click();
      await mine.getByRole("button", { name: "Yes, delete it" }).click();
      await expect(page.getByText("Webhook deleted.")).toBeVisible();
    } finally {
      await receiver.close();
    }
  });
});
