import AxeBuilder from "@axe-core/playwright";
import { expect, type Locator, type Page } from "@playwright/test";

/** One-click demo sign-in (demo mode only). */
export async function signInAs(page: Page, email: string, locale = "en") {
  await page.context().clearCookies();
  await page.goto(`/${locale}/sign-in`);
  await page.locator(`form:has(input[name="email"][value="${email}"]) button[type="submit"]`).click();
  await page.waitForURL((url) => !url.pathname.endsWith("/sign-in") && !url.pathname.endsWith("/home"));
}

/** No serious or critical accessibility violation (WCAG 2.1 A/AA rules). */
export async function expectAccessible(page: Page) {
  // Next.js streams a page's metadata: after a refresh the title can arrive a moment after the body.
  await page.waitForFunction(() => document.title.trim().length > 0);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  await expectControlsTold(page);
}

/**
 * What axe does not check (it leaves axe on the page to name each control):
 * - every visible control (link, button, field, summary) has an accessible name;
 * - no two visible controls share a name unless they do the same thing: links to the same
 *   address, or submit buttons that send the same form data to the same action. Two fields,
 *   or two summaries, with one name are always told apart (radios and checkboxes within their
 *   group, named with its legend);
 * - each link of an error summary (an alert's `#` link) leads to a field that exists and
 *   takes the focus.
 */
export async function expectControlsTold(page: Page) {
  const problems = await page.evaluate(() => {
    const axe = (window as unknown as { axe: { setup: (n: Node) => unknown; teardown: () => void; commons: { text: { accessibleText: (e: Element) => string } } } }).axe;
    axe.setup(document);
    const out: string[] = [];
    try {
      const describe = (el: Element) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${el.getAttribute("name") ? `[name=${el.getAttribute("name")}]` : ""}`;
      // An open modal dialog leaves only its own controls to use.
      const modal = document.querySelector("dialog:modal");
      const controls = [...document.querySelectorAll("a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button], [role=link]")].filter(
        (el) => el.checkVisibility({ visibilityProperty: true }) && !el.closest("[aria-hidden=true], [inert]") && (!modal || modal.contains(el)),
      );
      const groups = new Map<string, { el: Element; does: string }[]>();
      for (const el of controls) {
        const name = axe.commons.text.accessibleText(el).replace(/\s+/g, " ").trim();
        if (!name) {
          out.push(`no accessible name: ${describe(el)} ${el.outerHTML.slice(0, 120)}`);
          continue;
        }
        const tag = el.tagName.toLowerCase();
        const type = (el as HTMLInputElement).type;
        const role = el.getAttribute("role");
        const kind = tag === "a" || role === "link" ? "link" : tag === "button" || tag === "summary" || role === "button" || (tag === "input" && ["submit", "button", "reset", "image"].includes(type)) ? "button" : "field";
        let does = "";
        if (kind === "link") does = (el as HTMLAnchorElement).href;
        else if (kind === "button" && tag !== "summary" && type === "submit" && (el as HTMLButtonElement).form) {
          const form = (el as HTMLButtonElement).form!;
          const data = [...new FormData(form, el as HTMLButtonElement)].filter(([, v]) => typeof v === "string").map(([k, v]) => `${k}=${v}`).sort();
          does = `${form.getAttribute("action") ?? ""} ${data.join("&")}`;
        }
        const group = (type === "radio" || type === "checkbox") ? `${el.closest("fieldset")?.querySelector("legend")?.textContent?.trim() ?? ""} / ` : "";
        const key = `${kind}: ${group}${name.toLowerCase()}`;
        groups.set(key, [...(groups.get(key) ?? []), { el, does }]);
      }
      for (const [key, list] of groups) {
        if (list.length < 2) continue;
        const same = list.every((c) => c.does && c.does === list[0]!.does);
        if (!same) out.push(`${list.length} controls named "${key}" do different things: ${list.map((c) => describe(c.el)).join(", ")}`);
      }
      // An error summary's links lead to their fields.
      for (const link of document.querySelectorAll<HTMLAnchorElement>('[role=alert] a[href^="#"]')) {
        const id = decodeURIComponent(link.getAttribute("href")!.slice(1));
        const field = document.getElementById(id);
        if (!field) {
          out.push(`error summary link "${link.textContent}" leads to no element #${id}`);
          continue;
        }
        const before = document.activeElement as HTMLElement | null;
        field.focus();
        if (document.activeElement !== field) out.push(`error summary link "${link.textContent}" leads to #${id}, which takes no focus`);
        before?.focus();
      }
    } finally {
      axe.teardown();
    }
    return out;
  });
  expect(problems).toEqual([]);
}

/** The links to cases on the current page, as absolute paths. */
export async function caseLinks(page: Page): Promise<string[]> {
  return page.locator('a[href*="/cases/"]').evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
}

export async function moveClock(page: Page, body: { action: "advance"; by: string } | { action: "reset" }) {
  const post = () => page.request.post("/api/dev/clock", { data: body });
  // A reset is safe to send twice: once more if the server closed a kept-alive connection under it.
  const response = body.action === "reset" ? await post().catch((error: Error) => (/ECONNRESET|socket hang up/.test(error.message) ? post() : Promise.reject(error))) : await post();
  expect(response.ok()).toBe(true);
}

/**
 * Tampers with a case form so that it names another case, as a hostile client would. Set
 * again as the form submits: the page may re-render meanwhile (opening a case reads its bell
 * items and refreshes the page), which puts the hidden field back.
 */
export async function pointFormAt(form: Locator, caseId: string) {
  await form.evaluate((element, id) => {
    const field = () => element.querySelector<HTMLInputElement>('input[name="caseId"]')!;
    field().value = id;
    element.addEventListener("submit", () => (field().value = id), { capture: true });
  }, caseId);
}

/** Takes a step that asks for confirmation: opens it, reads its consequence, confirms. */
export async function confirmStep(page: Page, name: string | RegExp, consequence?: string | RegExp) {
  const box = page.locator("details").filter({ has: page.locator("summary", { hasText: name }) });
  await box.locator("summary").click();
  if (consequence) await expect(box.getByText(consequence)).toBeVisible();
  await box.getByRole("button", { name: "Yes, go ahead" }).click();
}

/**
 * Records a decision on its own page: follows the case's link to it, fills the form (`fill`),
 * reviews it (the confirmation must say `consequence`, when given; `reviewed` runs then), records
 * it, and is back on the case.
 */
export async function decide(page: Page, link: string | RegExp, fill: (form: Locator) => Promise<void> = async () => {}, consequence?: string | RegExp, reviewed: () => Promise<void> = async () => {}) {
  await page.getByRole("link", { name: link }).click();
  await page.waitForURL(/\/decide\//);
  const form = page.locator("form", { has: page.getByRole("button", { name: "Review the decision" }) });
  await fill(form);
  await form.getByRole("button", { name: "Review the decision" }).click();
  const confirmation = page.getByTestId("decision-confirmation");
  if (consequence) await expect(confirmation).toContainText(consequence);
  await reviewed();
  await confirmation.getByRole("button", { name: "Record the decision" }).click();
  await page.waitForURL((url) => !url.pathname.includes("/decide/"));
}

/** R2.4: chooses, in a decision form, whether the complaint (or claim) is upheld. */
export async function chooseVerdict(form: Locator, verdict: "Upheld" | "Partly upheld" | "Not upheld") {
  await form.getByRole("radio", { name: verdict, exact: true }).check();
}

/** R2.2: chooses, in the eligibility form, that the complaint is eligible: nothing is chosen for the body. */
export const chooseEligible = (form: Locator) => form.getByRole("radio", { name: "Eligible", exact: true }).check();

/** R2.7: the complainant's DPA refers the case at `caseUrl` to Commerce, which concludes it could not resolve the matter. */
export async function commerceUnableToResolve(page: Page, caseUrl: string) {
  await signInAs(page, "referrals@dpa.example");
  await page.goto(caseUrl);
  await confirmStep(page, "Refer to the Department of Commerce");
  await expect(page.getByText("The DPA referred the matter to Commerce")).toBeVisible();
  await signInAs(page, "officer@commerce.example");
  await page.goto(caseUrl);
  await decide(page, "Conclude the review…", (form) => form.getByLabel("Outcome").selectOption("unable_to_resolve").then(() => {}), "The review is concluded as “Unable to Resolve”");
}
