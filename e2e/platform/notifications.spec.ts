import { expect, test } from "@playwright/test";
import { expectAccessible, moveClock, signInAs } from "../support/helpers";
import { fileComplaint } from "../support/filing";

test.describe("clocks that act: the bell, reminders and the calendar", () => {
  test.afterEach(async ({ page }) => moveClock(page, { action: "reset" }));

  test("a new complaint rings the company's bell; reminders and the breach follow the clock; the complainant hears of it", async ({ page }) => {
    const reference = await fileComplaint(page, { org: "sessionm", name: "Noa Keller", email: "noa.keller@example.de", country: "DE" });

    await signInAs(page, "staff@sessionm.example");
    const bell = page.getByTestId("bell");
    await expect(bell).toHaveAccessibleName(/Notifications: [1-9]\d* unread/);
    await bell.click();
    await expect(page.getByRole("heading", { name: "Notifications" })).toBeVisible();
    await expect(page.getByRole("link", { name: `New complaint ${reference}` })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Mark all as read" }).click();
    await expect(page.getByTestId("bell")).toHaveAccessibleName("Notifications: none unread");

    // 39 days on, the company's 45 days have 6 left: the 7-day reminder; then the breach.
    await moveClock(page, { action: "advance", by: "39d" });
    await page.reload();
    await expect(page.getByRole("link", { name: new RegExp(`^${reference}: 6 days left\\. The company responds`) })).toBeVisible();
    await moveClock(page, { action: "advance", by: "7d" });
    await page.reload();
    await expect(page.getByRole("link", { name: `${reference}: deadline missed. The company responds` })).toBeVisible();
    const unread = async () => Number((await page.getByTestId("bell").getAttribute("aria-label"))?.match(/(\d+) unread/)?.[1] ?? 0);
    const before = await unread();
    expect(before).toBeGreaterThanOrEqual(2);
    await page.getByRole("link", { name: `${reference}: deadline missed. The company responds` }).click();
    // The case's timeline records which deadline ran out: evidence for the next rung.
    await expect(page.locator("li", { hasText: "A deadline was missed" }).filter({ hasText: "The company responds" })).toBeVisible();
    // Opening the case read its bell items (the reminder and the breach): the count drops by them.
    await expect.poll(unread).toBeLessThanOrEqual(before - 2);

    // The complainant's mail and bell say so, in their language.
    await page.goto("/en/dev/mailbox");
    // Two of the company's deadlines ran out (acknowledgment and response): one mail each.
    const missed = page.getByTestId("mail").filter({ hasText: `${reference}: a deadline was missed` });
    await expect(missed).toHaveCount(2);
    // The response deadline's mail also says what it opened: the next rung, in the same message.
    await expect(missed.filter({ hasText: "You can now take the next step: JAMS." })).toHaveCount(1);
  });

  test("the calendar feed: a secret address that a calendar can read, renewed or stopped by its owner", async ({ page }) => {
    const reference = await fileComplaint(page, { org: "mparticle", name: "Ines Duarte", email: "ines.duarte@example.pt", country: "PT" });
    await signInAs(page, "staff@mparticle.example");
    await page.goto("/en/notifications");
    await page.getByRole("button", { name: "Make my calendar address" }).click();
    const address = page.getByLabel("Your calendar address");
    await expect(address).toHaveValue(/\/api\/calendar\/[A-Za-z0-9_-]{20,}$/);
    const url = new URL(await address.inputValue());
    const feed = await page.request.get(url.pathname);
    expect(feed.headers()["content-type"]).toContain("text/calendar");
    const ics = await feed.text();
    expect(ics).toContain("BEGIN:VCALENDAR");
    expect(ics).toContain(`SUMMARY:${reference}: The company responds`);
    await expectAccessible(page);

    await page.getByRole("button", { name: "Stop the feed" }).click();
    await expect(page.getByText("The feed is stopped; its address no longer works.")).toBeVisible();
    expect((await page.request.get(url.pathname)).status()).toBe(404);
    // Another user never reads it either: the token is the only key.
    await page.reload();
    await expect(page.getByRole("button", { name: "Make my calendar address" })).toBeVisible();
  });
});
