import { expect, test } from "@playwright/test";
import { expectAccessible, signInAs } from "../support/helpers";
import { fileComplaint } from "../support/filing";

test.describe("API tokens", () => {
  test("mParticle's admin makes a token (shown once), a system lists the cases with it, and revoking it stops it", async ({ page }) => {
    // A name of its own, so that a repeated run finds only its token.
    const run = Date.now().toString(36);
    const name = `Ticketing (test ${run})`;
    // A case of its own with a step to take (the company's first steps), whatever other tests did to the rest.
    const reference = await fileComplaint(page, { org: "mparticle", name: `Token ${run}`, email: `token-${run}@example.eu`, country: "DE" });
    await signInAs(page, "admin@mparticle.example");
    await page.getByRole("link", { name: "API tokens" }).click();
    await expect(page.getByRole("heading", { name: "API tokens of mParticle" })).toBeVisible();
    await expectAccessible(page);

    await page.getByLabel("Name").fill(name);
    await page.getByLabel("What it may do").selectOption("act");
    await page.getByLabel("Valid for").selectOption("30");
    await page.getByRole("button", { name: "Create token" }).click();
    const shown = page.getByLabel("Your new token");
    await expect(shown).toHaveValue(/^rk_[A-Za-z0-9_-]{43}$/);
    const token = await shown.inputValue();
    // One press copies it (selecting it by hand is fiddly on a phone).
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.getByRole("button", { name: "Copy" }).click();
    await expect(page.getByRole("button", { name: "Copied" })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);
    await expect(page.getByTestId("token-list").getByText(name, { exact: true })).toBeVisible();
    await expectAccessible(page);

    const auth = { authorization: `Bearer ${token}` };
    const listed = await page.request.get("/api/v1/cases", { headers: auth });
    expect(listed.status()).toBe(200);
    const { data } = (await listed.json()) as { data: { organisation: string }[] };
    expect(data.length).toBeGreaterThan(0);
    expect(data.every((c) => c.organisation === "mParticle, Inc.")).toBe(true);

    // The walk-through of the README: read a case, take a step it allows, send it again with the same key.
    let taken = false;
    // Its own case, found by paging through the list.
    let mine: { id: string } | undefined;
    for (let next: string | null = "/api/v1/cases?limit=100"; next && !mine; ) {
      const listing = (await (await page.request.get(next, { headers: auth })).json()) as { data: { id: string; reference: string }[]; next: string | null };
      mine = listing.data.find((c) => c.reference === reference);
      next = listing.next;
    }
    for (const { id } of [mine!]) {
      const read = (await (await page.request.get(`/api/v1/cases/${id}`, { headers: auth })).json()) as { version: number; steps: { action: string; target: string | null; details: boolean }[]; timeline: unknown[] };
      const step = read.steps.find((s) => s.action !== "request_information" && !s.details);
      if (!step) continue;
      const send = () => page.request.post(`/api/v1/cases/${id}/steps`, { headers: { ...auth, "idempotency-key": `e2e-${run}-${id}` }, data: { action: step.action, ...(step.target ? { target: step.target } : {}), version: read.version } });
      const first = await send();
      expect(first.status()).toBe(201);
      const again = await send();
      expect(again.status()).toBe(201);
      const [a, b] = [await first.json(), await again.json()];
      expect(b).toEqual({ ...a, replayed: true });
      const after = (await (await page.request.get(`/api/v1/cases/${id}`, { headers: auth })).json()) as { timeline: unknown[] };
      expect(after.timeline.length).toBe(read.timeline.length + 1);
      taken = true;
      break;
    }
    expect(taken).toBe(true);

    // Shown once: the page drawn again holds the name, never the token.
    await page.reload();
    await expect(page.getByTestId("token-list").getByText(name, { exact: true })).toBeVisible();
    expect(await page.content()).not.toContain(token);

    // Revoking asks first and says what it ends.
    await page.getByLabel(`Revoke ${name}`).click();
    await expect(page.getByText(`Every system using “${name}” is refused at once.`)).toBeVisible();
    expect((await page.request.get("/api/v1/cases", { headers: auth })).status()).toBe(200);
    await page.getByRole("button", { name: "Revoke now" }).click();
    await expect(page.getByText("Token revoked: it no longer works.")).toBeVisible();
    const refused = await page.request.get("/api/v1/cases", { headers: auth });
    expect(refused.status()).toBe(401);
    expect(await refused.json()).toMatchObject({ code: "token_revoked", status: 401 });
  });

  test("staff who are not admins have no token page", async ({ page }) => {
    await signInAs(page, "staff@mparticle.example");
    await expect(page.getByRole("link", { name: "API tokens" })).toHaveCount(0);
    const response = await page.goto("/en/integrations");
    expect(response?.status()).toBe(404);
  });
});

test("the API's reference page and OpenAPI document are public and agree", async ({ page, request }) => {
  const doc = (await (await request.get("/api/v1/openapi.json")).json()) as { openapi: string; paths: Record<string, Record<string, unknown>> };
  expect(doc.openapi).toBe("3.1.0");
  await page.goto("/en/api-reference");
  await expect(page.getByRole("heading", { name: "Recourse API reference" })).toBeVisible();
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of Object.keys(item)) await expect(page.getByRole("heading", { name: `${method.toUpperCase()} ${path}`, exact: true })).toBeVisible();
  }
  // A step's body is one shape per action: a determination's details are listed with their fields.
  const steps = page.getByRole("region", { name: "POST /cases/{id}/steps" });
  await expect(steps.getByText("issue_determination", { exact: true })).toBeVisible();
  await expect(steps.getByText("findings", { exact: true }).first()).toBeVisible();
  // A document is uploaded as multipart, in a part named "file".
  const upload = page.getByRole("region", { name: "POST /cases/{id}/documents" });
  await expect(upload.getByText("multipart/form-data", { exact: true })).toBeVisible();
  await expect(upload.getByText("file", { exact: true }).first()).toBeVisible();
  await expectAccessible(page);
});
