// The seven steps from the client's side: PrintShop signs its users in through PhotoCloud with
// next-auth, and shows their photos from the PhotoCloud API.
import type { Page, Request } from "@playwright/test";
import { apps, printShopRedirectUri } from "../apps.ts";
import { database, forgetConsent, grantsOf, userId } from "../fixtures/database.ts";
import { expect, signInAs, test } from "../fixtures/test.ts";

const client = apps.client.url;
const issuer = apps.authorizationServer.url;
const redirectUri = printShopRedirectUri;
const alicePhotos = ["Through the looking-glass", "The Queen's rose garden", "The white rabbit, late again", "The Mad Hatter's tea party"];
const bobPhotos = ["Bricks, neatly stacked", "A crane over the river", "Scaffolding at sunrise"];

// These tests share the demo users and PrintShop's registration, and set their remembered
// consent; they run one after another.
test.describe.configure({ mode: "serial" });

test.beforeEach(async () => {
  await forgetConsent("alice", "printshop");
  await forgetConsent("bob", "printshop");
});

/** Every request the page makes, to look at the redirects of the flow afterwards. */
function recordRequests(page: Page): Request[] {
  const requests: Request[] = [];
  page.on("request", (request) => requests.push(request));
  return requests;
}

function firstUrl(requests: Request[], prefix: string): URL {
  const request = requests.find((candidate) => candidate.url().startsWith(prefix));
  expect(request, `a request to ${prefix}`).toBeDefined();
  return new URL(request!.url());
}

async function startSignIn(page: Page) {
  await page.goto(client);
  await page.getByRole("button", { name: "Sign in with PhotoCloud" }).click();
  await expect(page.getByRole("heading", { name: "Sign in to PhotoCloud" })).toBeVisible();
}

test("the seven steps: alice signs in at PhotoCloud, allows PrintShop, and sees her photos", async ({ page }) => {
  const requests = recordRequests(page);

  // Step 1: PrintShop sends the browser to the authorization endpoint.
  await startSignIn(page);
  const authorization = firstUrl(requests, `${issuer}/authorize?`).searchParams;
  expect(Object.fromEntries(authorization)).toMatchObject({
    response_type: "code",
    client_id: "printshop",
    redirect_uri: redirectUri,
    scope: "profile photos:read photos:write",
    code_challenge_method: "S256",
  });
  expect(authorization.get("code_challenge")).toMatch(/^[\w-]{43}$/);
  expect(authorization.get("state")).toBeTruthy();

  // Step 2: alice authenticates at PhotoCloud, then allows.
  await expect(page.getByText("to continue to PrintShop")).toBeVisible();
  await signInAs(page, "alice", "wonderland");
  await expect(page.getByRole("heading", { name: "PrintShop wants to access your PhotoCloud account" })).toBeVisible();
  await page.getByRole("button", { name: "Allow" }).click();

  // Step 3: the code comes back to PrintShop's redirect URI, with the state and the issuer.
  await expect(page).toHaveURL(`${client}/photos`);
  const callback = firstUrl(requests, `${redirectUri}?`).searchParams;
  expect(callback.get("code")).toMatch(/^[\w-]{43}$/);
  expect(callback.get("state")).toBe(authorization.get("state"));
  expect(callback.get("iss")).toBe(issuer);

  // Steps 4 to 7 happened on PrintShop's server; the page shows their result.
  await expect(page.getByRole("heading", { name: "Alice Liddell's photos" })).toBeVisible();
  const photos = page.getByRole("list", { name: "Photos" }).getByRole("listitem");
  await expect(photos).toHaveCount(alicePhotos.length);
  for (const title of alicePhotos) await expect(page.getByRole("img", { name: title })).toBeVisible();
});

test("deny at consent: a page explains what happened, and no token is issued", async ({ page }) => {
  const grantsBefore = (await grantsOf("alice", "printshop")).length;
  const alice = await userId("alice");
  const sessionsBefore = await database.clientSession.count({ where: { subject: alice } });

  await startSignIn(page);
  await signInAs(page, "alice", "wonderland");
  await page.getByRole("button", { name: "Deny" }).click();

  await expect(page.getByRole("heading", { name: "You chose not to share your photos" })).toBeVisible();
  await expect(page.getByText("error=access_denied")).toBeVisible();
  await expect(page.getByRole("button", { name: "Try again" })).toBeVisible();
  expect((await grantsOf("alice", "printshop")).length).toBe(grantsBefore);
  expect(await database.clientSession.count({ where: { subject: alice } })).toBe(sessionsBefore);
});

test("remembered consent: signing in again does not ask again", async ({ page }) => {
  await startSignIn(page);
  await signInAs(page, "alice", "wonderland");
  await page.getByRole("button", { name: "Allow" }).click();
  await expect(page.getByRole("heading", { name: "Alice Liddell's photos" })).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("button", { name: "Sign in with PhotoCloud" })).toBeVisible();

  const requests = recordRequests(page);
  await page.getByRole("button", { name: "Sign in with PhotoCloud" }).click();
  await expect(page.getByRole("heading", { name: "Alice Liddell's photos" })).toBeVisible();
  expect(requests.some((request) => request.url().startsWith(`${issuer}/consent`))).toBe(false);
});

test("expiry: after the access token expires, the photos still load through a silent refresh", async ({ page }) => {
  await startSignIn(page);
  await signInAs(page, "alice", "wonderland");
  await page.getByRole("button", { name: "Allow" }).click();
  await expect(page.getByRole("list", { name: "Photos" }).getByRole("listitem")).toHaveCount(alicePhotos.length);

  // The e2e authorization server issues six-second access tokens; wait until this one is dead.
  const session = await database.clientSession.findFirstOrThrow({ where: { subject: await userId("alice") }, orderBy: { createdAt: "desc" } });
  await expect.poll(() => Date.now(), { timeout: 15_000 }).toBeGreaterThan(session.accessTokenExpiresAt.getTime() + 500);

  await page.reload();
  await expect(page.getByRole("list", { name: "Photos" }).getByRole("listitem")).toHaveCount(alicePhotos.length);
  const [grant] = await grantsOf("alice", "printshop");
  expect(grant!.revokedAt).toBeNull();
  expect(grant!.refreshTokens.length).toBeGreaterThanOrEqual(2);
  expect(grant!.refreshTokens[0]!.rotatedAt).not.toBeNull();
});

test("isolation: bob signs in and sees only bob's photos", async ({ page }) => {
  await startSignIn(page);
  await signInAs(page, "bob", "builder");
  await page.getByRole("button", { name: "Allow" }).click();

  await expect(page.getByRole("heading", { name: "Bob the Builder's photos" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Photos" }).getByRole("listitem")).toHaveCount(bobPhotos.length);
  for (const title of alicePhotos) await expect(page.getByRole("img", { name: title })).toHaveCount(0);
});

test("the password never reaches PrintShop: no request to the client app carries it", async ({ page }) => {
  const requests = recordRequests(page);
  await startSignIn(page);
  await signInAs(page, "alice", "wonderland");
  await page.getByRole("button", { name: "Allow" }).click();
  await expect(page.getByRole("heading", { name: "Alice Liddell's photos" })).toBeVisible();

  const toClient = requests.filter((request) => request.url().startsWith(client));
  const toIssuer = requests.filter((request) => request.url().startsWith(issuer));
  expect(toClient.length).toBeGreaterThan(0);
  // The password did travel, but to the authorization server only.
  expect(toIssuer.some((request) => (request.postData() ?? "").includes("wonderland"))).toBe(true);
  for (const request of toClient) {
    expect(request.url()).not.toContain("wonderland");
    expect(request.postData() ?? "").not.toContain("wonderland");
    expect(JSON.stringify(await request.allHeaders())).not.toContain("wonderland");
  }
});

test("the tokens stay on PrintShop's server: the page and its scripts never see them", async ({ page }) => {
  await startSignIn(page);
  await signInAs(page, "alice", "wonderland");
  await page.getByRole("button", { name: "Allow" }).click();
  await expect(page.getByRole("heading", { name: "Alice Liddell's photos" })).toBeVisible();

  const cookies = await page.context().cookies(client);
  const session = cookies.find((cookie) => cookie.name === "printshop.session-token");
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax" });
  expect(await page.evaluate(() => document.cookie)).not.toContain("printshop.session-token");

  const sessionJson = await page.evaluate(async () => (await fetch("/api/auth/session")).text());
  expect(sessionJson).not.toMatch(/access_token|refresh_token|eyJ/);
  expect(await page.content()).not.toMatch(/eyJ[\w-]+\.eyJ/);
});
