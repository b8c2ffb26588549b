import { expect, test } from "@playwright/test";
import { fileComplaint } from "../support/filing";

test("a submit button says it is busy while its form is sent, and cannot be pressed twice", async ({ page }) => {
  const email = `busy.${Date.now().toString(36)}@example.at`;
  await fileComplaint(page, { org: "mparticle", name: "Berta Busy", email, country: "AT" });
  await page.getByRole("link", { name: "Open my case" }).click();
  await page.waitForURL(/\/en\/cases\/[0-9a-f-]+$/);
  // The Server Action's POST is held until the button has been looked at.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(page.url(), async (route) => {
    if (route.request().method() === "POST") await held;
    await route.continue();
  });
  await page.getByLabel("Your message").fill("Is anyone reading this?");
  const send = page.getByRole("button", { name: "Send" });
  await expect(send).not.toHaveAttribute("aria-busy");
  await send.click();
  await expect(send).toHaveAttribute("aria-busy", "true");
  await expect(send).toBeDisabled();
  release();
  await expect(page.getByText("Message sent.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Send" })).not.toHaveAttribute("aria-busy");
  await expect(page.getByRole("button", { name: "Send" })).toBeEnabled();
});
