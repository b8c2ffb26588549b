import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, signInAs } from "../support/helpers";
import { fileComplaint } from "../support/filing";

const HEADER = "Organization Name,Frameworks,Status,Certification Date,Next Recertification Due Date";
// The e2e journeys share one database: each run imports companies of its own.
const run = Date.now().toString(36);
const LAPSING = `Lapsing Analytics ${run} LLC`;
const FIRST = `First Added ${run} Inc.`;
const SECOND = `Second Added ${run} Corp.`;
const slug = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");

async function upload(page: Page, name: string, text: string, mimeType = "text/csv") {
  await page.getByLabel("Participant list (CSV)").setInputFiles({ name, mimeType, buffer: Buffer.from(text) });
  await page.getByRole("button", { name: "Preview the changes" }).click();
}

async function confirmImport(page: Page) {
  await page.getByRole("button", { name: "Confirm and apply the list" }).click();
  await expect(page.getByText(/^The list was applied/)).toBeVisible();
}

test("the administrator imports the participant list: a preview, a confirmation, and the directory and filing follow (R1.2)", async ({ page }) => {
  await signInAs(page, "admin@recourse.example");
  await page.goto("/en/admin/certifications");
  await page.getByRole("link", { name: "Import the official participant list (CSV)" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Import the participant list");
  await expectAccessible(page);

  // A file that is not a CSV, and a list with a refused row: clear messages, nothing to confirm.
  await upload(page, "list.pdf", "%PDF-1.7\u0000", "application/pdf");
  await expect(page.locator("#participant-list-error")).toHaveText("The file is not a CSV file. Export the participant list as CSV (comma-separated, UTF-8) and upload that.");
  await expect(page.getByLabel("Participant list (CSV)")).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);
  await upload(page, "list.csv", `${HEADER}\n${LAPSING},EU-Moon DPF,Active,2026-01-15,2027-01-15\n`);
  await expect(page.getByText("Row 2: “EU-Moon DPF” is not one of the list's frameworks (EU-U.S. DPF, UK Extension, Swiss-U.S. DPF).")).toBeVisible();
  await expect(page.getByRole("button", { name: "Confirm and apply the list" })).toHaveCount(0);

  // A company that is on the list and active.
  await upload(page, "list.csv", `${HEADER}\n${LAPSING},EU-U.S. DPF,Active,2025-06-01,2026-06-01\n`);
  await expect(page.getByRole("region", { name: "1 organisation to add to the directory" })).toContainText(LAPSING);
  await confirmImport(page);

  // The next list lapses it and adds two.
  await upload(page, "participants.csv", [HEADER, `${LAPSING},EU-U.S. DPF,Inactive,2025-06-01,2026-06-01`, `"${FIRST}",EU-U.S. DPF,Active,2026-10-01,2027-10-01`, `"${SECOND}","EU-U.S. DPF; UK Extension",Active,11/20/2026,11/20/2027`].join("\n"));
  const preview = page.getByRole("region", { name: "What this list would change" });
  const added = preview.getByRole("region", { name: "2 organisations to add to the directory" });
  await expect(added).toContainText(FIRST);
  await expect(added).toContainText(SECOND);
  await expect(added).toContainText("EU-U.S. Data Privacy Framework, UK Extension to the EU-U.S. DPF");
  const lapse = preview.getByRole("region", { name: "1 certification changes status" });
  await expect(lapse).toContainText(LAPSING);
  await expect(lapse).toContainText("Active → Lapsed");
  await expect(lapse).toContainText("New complaints go to the DPA");
  // Companies absent from the list are named and left as they are.
  await expect(preview.getByRole("region", { name: /on the directory (is|are) not on this list/ })).toContainText("Customer Portfolios LLC");
  await expect(preview.getByText(/^Confirming adds 2 organisations to the directory and changes 1 certification in one step.*New complaints under 1 certification will be refused/)).toBeVisible();
  await expectAccessible(page);
  if (process.env.RECOURSE_SCREENS) {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: "docs/screens/admin-import-preview-phone.png", fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: "docs/screens/admin-import-preview.png", fullPage: true });
  }
  await confirmImport(page);
  await expect(page.getByText("The list was applied: 2 organisations added, 1 certification changed.")).toBeVisible();
  await expectAccessible(page);

  // The lapsed company no longer takes complaints: the ladder sends the individual to the DPA.
  await page.goto(`/en/directory/${slug(LAPSING)}`);
  await expect(page.getByText("Does not take part")).toBeVisible();
  await expect(page.getByText(/^The official participant list, imported on \w+ \d{1,2}, \d{4}$/)).toBeVisible();
  await page.goto(`/en/file/${slug(LAPSING)}`);
  await expect(page.getByText("Contact your national data protection authority")).toBeVisible();
  await expect(page.getByRole("button", { name: "Next" })).toHaveCount(0);

  // The added companies are in the directory, and a complaint against one is filed.
  await page.goto(`/en/directory?q=${encodeURIComponent(SECOND)}`);
  await expect(page.getByRole("link", { name: SECOND })).toBeVisible();
  await page.goto(`/en/directory/${slug(FIRST)}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(FIRST);
  await expect(page.getByText("Does not take part")).toHaveCount(0);
  const reference = await fileComplaint(page, { org: slug(FIRST), name: "Lea Import", email: `lea.import.${run}@example.de`, country: "DE" });
  expect(reference).toMatch(/^RC-/);
});
