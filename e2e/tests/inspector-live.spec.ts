// "How this worked, live" (/inspector/live): a second window of the browser that signs in follows
// its sign-in arrow by arrow, and nobody else's browser sees it.
import type { Browser, Page } from "@playwright/test";
import { apps } from "../apps.ts";
import { expect, signInAs, test } from "../fixtures/test.ts";

const client = apps.client.url;
const waiting = "Waiting for a sign-in in this browser…";

/** Opens the live page in a new window of `page`'s browser, from the link on /inspector. */
async function openLiveWindow(page: Page): Promise<Page> {
  const live = await page.context().newPage();
  await live.goto(`${client}/inspector`);
  await live.getByRole("link", { name: "How this worked, live" }).click();
  await expect(live.getByRole("heading", { level: 1, name: "How this worked, live" })).toBeVisible();
  await expect(live.getByRole("status")).toHaveText(waiting);
  return live;
}

async function startSignIn(page: Page): Promise<void> {
  await page.goto(client);
  await page.getByRole("button", { name: "Sign in with PhotoCloud" }).click();
  await expect(page.getByRole("heading", { name: "Sign in to PhotoCloud" })).toBeVisible();
}

/** The flow id the live page names in its status line. */
async function flowShown(live: Page): Promise<string> {
  return (await live.getByRole("status").locator("code").textContent())!;
}

/** What a browser of its own, which has signed in nowhere, gets from the three live addresses. */
async function asSeenByAnotherBrowser(browser: Browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const shown = await page.goto(`${client}/inspector/live`);
  await expect(page.getByRole("status")).toHaveText(waiting);
  const api = await page.request.get(`${client}/api/inspector/live`);
  const handout = await page.request.get(`${client}/inspector/live/handout`);
  const seen = {
    page: shown?.status(),
    api: [api.status(), api.headers()["cache-control"], await api.json()],
    handout: [handout.status(), await handout.text()],
  };
  await context.close();
  return seen;
}

const nothingToSee = {
  page: 200,
  api: [200, "no-store", null],
  handout: [404, "No sign-in of this browser to hand out yet."],
};

test("a second window follows this browser's sign-in as it happens, and another browser sees none of it", async ({ browser, page, testUser }) => {
  const live = await openLiveWindow(page);

  await startSignIn(page);
  await expect(live.getByRole("status")).toContainText(/^1 of 7 steps recorded/);
  await expect(live.getByRole("button", { name: /^Step 1\. .*, not happened yet$/ })).toHaveCount(0);
  await expect(live.getByRole("button", { name: /^Step 2\. .*, not happened yet$/ })).toBeVisible();
  const flowId = await flowShown(live);
  expect(await asSeenByAnotherBrowser(browser)).toEqual(nothingToSee);

  await signInAs(page, testUser.username, testUser.password);
  await expect(page.getByRole("heading", { name: "PrintShop wants to access your PhotoCloud account" })).toBeVisible();
  await expect(live.getByRole("status")).toContainText(/^2 of 7 steps recorded/);

  await page.getByRole("button", { name: "Allow" }).click();
  await expect(page.getByRole("heading", { name: `${testUser.name}'s photos` })).toBeVisible();
  await expect(live.getByRole("status")).toContainText(/^7 of 7 steps recorded/);
  expect(await flowShown(live)).toBe(flowId);
  await live.getByRole("button", { name: /^Step 5\./ }).click();
  await expect(live.getByRole("heading", { name: "Step 5: Access token" })).toBeVisible();

  // Signed in now, the browser's PKCE cookie is spent: its session names the same flow.
  const api = await page.request.get(`${client}/api/inspector/live`);
  expect(api.status()).toBe(200);
  expect(api.headers()["cache-control"]).toBe("no-store");
  expect(((await api.json()) as { id: string }).id).toBe(flowId);
  await page.getByRole("link", { name: "See how this worked, step by step" }).click();
  await expect(page).toHaveURL(`${client}/inspector/${flowId}`);

  expect(await asSeenByAnotherBrowser(browser)).toEqual(nothingToSee);
});

test("the handout is the Markdown of this browser's flow, and nobody else's", async ({ browser, page, testUser }) => {
  await startSignIn(page);
  await signInAs(page, testUser.username, testUser.password);
  await page.getByRole("button", { name: "Allow" }).click();
  await expect(page.getByRole("heading", { name: `${testUser.name}'s photos` })).toBeVisible();

  // Opened after the sign-in, the page shows it, by the session.
  const shown = await page.context().newPage();
  await shown.goto(`${client}/inspector/live`);
  await expect(shown.getByRole("status")).toHaveText(/^7 of 7 steps recorded/);
  const flowId = await flowShown(shown);

  const download = shown.waitForEvent("download");
  await shown.getByRole("link", { name: "Download as a Markdown handout" }).click();
  expect((await download).suggestedFilename()).toBe(`oauth-flow-${flowId}.md`);
  const handout = await page.request.get(`${client}/inspector/live/handout`);
  expect(handout.status()).toBe(200);
  expect(handout.headers()["content-type"]).toBe("text/markdown; charset=utf-8");
  expect(handout.headers()["cache-control"]).toBe("no-store");
  const markdown = await handout.text();
  expect(markdown).toContain("```mermaid\nsequenceDiagram");
  expect(markdown).toContain(testUser.username);
  for (let step = 1; step <= 7; step += 1) expect(markdown).toMatch(new RegExp(`### ${step}\\. `));
  expect(markdown).toBe(await (await page.request.get(`${client}/inspector/${flowId}/handout`)).text());

  expect(await asSeenByAnotherBrowser(browser)).toEqual(nothingToSee);
});

test("a denied sign-in shows steps 1 to 3 ending in access_denied, and trying again switches to the new sign-in", async ({ page, testUser }) => {
  const live = await openLiveWindow(page);
  await startSignIn(page);
  await signInAs(page, testUser.username, testUser.password);
  await page.getByRole("button", { name: "Deny" }).click();
  await expect(page.getByRole("heading", { name: "You chose not to share your photos" })).toBeVisible();

  await expect(live.getByRole("status")).toContainText(/^3 of 7 steps recorded/);
  const steps = live.getByRole("list", { name: "The seven steps" });
  await expect(steps.getByRole("button", { name: /, not happened yet$/ })).toHaveText([/^4\. /, /^5\. /, /^6\. /, /^7\. /]);
  await live.getByRole("button", { name: /^Step 3\./ }).click();
  await expect(live.getByRole("region", { name: "Step 3: Authorization code" }).getByText("access_denied").first()).toBeVisible();
  const denied = await flowShown(live);

  await page.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByRole("heading", { name: "PrintShop wants to access your PhotoCloud account" })).toBeVisible();
  await expect(live.getByRole("status")).not.toContainText(denied);
  await expect(live.getByRole("status")).toContainText(/^1 of 7 steps recorded/);
  await expect(live.getByRole("button", { name: /^Step 3\. .*, not happened yet$/ })).toBeVisible();
});
