// Accessibility: axe-core checks every page of the four apps against WCAG 2.1 A and AA, in the
// light theme and in the dark one, and fails on any serious or critical violation, each listed
// with its page, its rule and the elements at fault. One browser context walks the pages in the
// order a person would, so that one sign-in serves every page behind it; each page is checked in
// both themes where it stands.
import type { Page } from "@playwright/test";
import { computeCodeChallenge, generateCodeVerifier } from "@seven-steps/protocol";
import { randomUUID } from "node:crypto";
import { apps } from "../apps.ts";
import { testCallbackBase } from "../fixtures/test-clients.ts";
import { auditEveryPage, visit, type Visit } from "../fixtures/accessibility.ts";
import { expect, signInAs, test } from "../fixtures/test.ts";
import { registerTestUser, type TestUser } from "../fixtures/test-users.ts";

const client = apps.client.url;
const issuer = apps.authorizationServer.url;
const api = apps.resourceApi.url;
const attacker = apps.attacker.url;

/** What a walk carries from page to page: its member, and the client it registers. */
interface Run {
  user: TestUser;
  registered?: { clientId: string; redirectUri: string };
}

/** Every page anyone reaches without signing in. */
const publicPages: Visit<Run>[] = [
  { name: "PrintShop home", open: (page) => visit(page, client, "This is the client.") },
  { name: "PrintShop sign-in", open: (page) => visit(page, `${client}/sign-in`, "Sign in to PrintShop") },
  { name: "PrintShop sign-in problem", open: (page) => visit(page, `${client}/sign-in/problem?error=OAuthCallback`, "PhotoCloud's answer could not be accepted") },
  { name: "PrintShop inspector, signed out", open: (page) => visit(page, `${client}/inspector`, "How this worked") },
  { name: "PrintShop inspector, unknown flow", open: (page) => visit(page, `${client}/inspector/no-such-flow`, "This flow was not found") },
  {
    name: "PrintShop live inspector, waiting for a sign-in",
    open: async (page) => {
      await visit(page, `${client}/inspector/live`, "How this worked, live");
      await expect(page.getByRole("status")).toHaveText("Waiting for a sign-in in this browser…");
    },
  },
  { name: "PrintShop source viewer", open: (page) => visit(page, `${client}/source/packages/protocol/src/index.ts`, "packages/protocol/src/index.ts") },
  { name: "PrintShop not found", open: (page) => visit(page, `${client}/no-such-page`, /not found|404/i) },
  { name: "Step-through lab, start", open: (page) => visit(page, `${client}/lab`, "Step 1: Authorization request") },
  {
    // With a code and no run of its own, alice's app stays on its page instead of starting one.
    name: "Attack lab victim page (alice's app)",
    open: (page) => visit(page, `${client}/attack-lab/victim?code=none`, "This tab started no run of the attack lab", "text"),
  },
  { name: "PhotoCloud Accounts home", open: (page) => visit(page, issuer, "This is the authorization server.") },
  { name: "PhotoCloud sign-in", open: (page) => visit(page, `${issuer}/sign-in`, "Sign in to PhotoCloud") },
  {
    name: "PhotoCloud authorization error page",
    open: (page) => visit(page, `${issuer}/authorize?response_type=code&client_id=no-such-client`, "This sign-in request cannot be completed"),
  },
  { name: "PhotoCloud Developers", open: (page) => visit(page, `${issuer}/developers`, "Register a client") },
  { name: "PhotoCloud not found", open: (page) => visit(page, `${issuer}/no-such-page`, /not found|404/i) },
  // The workshop's pages on a server that runs none; with a room, tests/workshop/after/accessibility.spec.ts.
  { name: "PhotoCloud workshop join page, no workshop", open: (page) => visit(page, `${issuer}/workshop/join`, "This server runs no workshop") },
  { name: "PhotoCloud workshop room, no workshop", open: (page) => visit(page, `${issuer}/workshop/room`, "This server runs no workshop") },
  { name: "PhotoCloud API home", open: (page) => visit(page, api, "This is the resource server.") },
  { name: "PhotoCloud API not found", open: (page) => visit(page, `${api}/no-such-page`, /not found|404/i) },
  { name: "Attack lab", open: (page) => visit(page, attacker, "The attack lab") },
  { name: "Attack lab not found", open: (page) => visit(page, `${attacker}/no-such-page`, /not found|404/i) },
  { name: "Mallory's look-alike shop (/mallory/prints)", open: (page) => visit(page, `${attacker}/mallory/prints`, "Welcome to PrintShop") },
  { name: "Mallory's decoy (/mallory/free-prints)", open: (page) => visit(page, `${attacker}/mallory/free-prints?attack-run=${randomUUID()}`, "Claim your free prints!") },
  { name: "Mallory's voucher (/mallory/code-injection)", open: (page) => visit(page, `${attacker}/mallory/code-injection`, "Free prints for PrintShop customers") },
  { name: "Mallory's catch (/mallory/catch)", open: (page) => visit(page, `${attacker}/mallory/catch`, "The attack lab's tab is gone", "text") },
  { name: "Mallory's link (/mallory/link)", open: (page) => visit(page, `${attacker}/mallory/link`, "Getting things ready", "text") },
  { name: "Mallory's bent redirect, without a run (/mallory/redirect-uri)", open: (page) => visit(page, `${attacker}/mallory/redirect-uri`, "start it from the lab", "text") },
];

/** A client registered on the Developers page: PhotoCloud has not reviewed it, and its consent page says so. */
async function registerOnDevelopersPage(page: Page): Promise<{ clientId: string; redirectUri: string }> {
  const redirectUri = `${testCallbackBase}/${randomUUID()}`;
  await page.goto(`${issuer}/developers`);
  await page.getByLabel("Client name").fill(`Accessible Kiosk ${randomUUID().slice(0, 6)}`);
  await page.getByLabel("Redirect URIs").fill(redirectUri);
  await page.getByRole("radio", { name: /Public/ }).check();
  await page.getByRole("button", { name: "Register client" }).click();
  await expect(page.getByRole("heading", { name: /is registered$/ })).toBeVisible();
  const clientId = (await page.getByText("client_id", { exact: true }).locator("xpath=following-sibling::p").textContent())!;
  return { clientId, redirectUri };
}

async function authorizeUrl({ clientId, redirectUri }: { clientId: string; redirectUri: string }, scope = "profile photos:read"): Promise<string> {
  const url = new URL("/authorize", issuer);
  url.search = new URLSearchParams({
    response_type: "code",
    client_id: clientId,
    redirect_uri: redirectUri,
    scope,
    state: randomUUID(),
    code_challenge: await computeCodeChallenge(generateCodeVerifier()),
    code_challenge_method: "S256",
  }).toString();
  return url.toString();
}

/** The pages behind a sign-in, in the order a person meets them; each leaves the page where the next can start. */
const flowPages: Visit<Run>[] = [
  {
    name: "PhotoCloud sign-in, during PrintShop's sign-in",
    open: async (page) => {
      await page.goto(client);
      await page.getByRole("button", { name: "Sign in with PhotoCloud" }).click();
      await expect(page.getByRole("heading", { name: "Sign in to PhotoCloud" })).toBeVisible();
    },
  },
  {
    name: "PhotoCloud consent",
    open: async (page, { user }) => {
      await signInAs(page, user.username, user.password);
      await expect(page.getByRole("heading", { name: "PrintShop wants to access your PhotoCloud account" })).toBeVisible();
    },
  },
  {
    name: "PrintShop, consent denied",
    open: async (page) => {
      await page.getByRole("button", { name: "Deny" }).click();
      await expect(page.getByRole("heading", { name: "You chose not to share your photos" })).toBeVisible();
    },
  },
  {
    name: "PrintShop photos",
    open: async (page, { user }) => {
      await page.getByRole("button", { name: "Try again" }).click();
      await page.getByRole("button", { name: "Allow" }).click();
      await expect(page.getByRole("heading", { name: `${user.name}'s photos` })).toBeVisible();
    },
  },
  {
    name: "PrintShop inspector, a real flow",
    open: async (page) => {
      await page.getByRole("link", { name: "See how this worked, step by step" }).click();
      await expect(page.getByRole("status")).toContainText("7 of 7 steps recorded");
    },
  },
  {
    name: "PrintShop inspector, step 5 with the decoded token",
    open: async (page) => {
      await page.getByRole("button", { name: /^Step 5\./ }).click();
      await expect(page.getByRole("region", { name: "Access token claims" })).toBeVisible();
    },
  },
  {
    name: "PrintShop live inspector, the sign-in of this browser",
    open: async (page) => {
      await visit(page, `${client}/inspector/live`, "How this worked, live");
      await expect(page.getByRole("status")).toContainText("7 of 7 steps recorded");
    },
  },
  { name: "PrintShop home, signed in", open: (page) => visit(page, client, "This is the client.") },
  { name: "PhotoCloud Connected apps", open: (page) => visit(page, `${issuer}/connected-apps`, "Connected apps") },
  { name: "PhotoCloud Accounts home, signed in", open: (page) => visit(page, issuer, "This is the authorization server.") },
  {
    name: "PhotoCloud Developers, a field refused",
    open: async (page) => {
      await page.goto(`${issuer}/developers`);
      await page.getByLabel("Client name").fill("Broken Kiosk");
      await page.getByLabel("Redirect URIs").fill("http://kiosk.example/callback#fragment");
      await page.getByRole("button", { name: "Register client" }).click();
      await expect(page.getByRole("alert").filter({ hasText: "redirect_uris[0]" })).toBeVisible();
    },
  },
  {
    name: "PhotoCloud Developers, registered",
    open: async (page, run) => {
      run.registered = await registerOnDevelopersPage(page);
    },
  },
  {
    name: "PhotoCloud consent, a client PhotoCloud has not reviewed",
    open: async (page, { registered }) => {
      await page.goto(await authorizeUrl(registered!));
      await expect(page.getByRole("note", { name: "Not reviewed by PhotoCloud" })).toBeVisible();
    },
  },
  {
    name: "PhotoCloud, an error it will not redirect to an unreviewed client",
    open: async (page, { registered }) => {
      await page.goto(await authorizeUrl(registered!, "photos:everything"));
      await expect(page.getByRole("heading", { name: "This request cannot be completed" })).toBeVisible();
    },
  },
  {
    name: "Step-through lab, step 3 (back with the code)",
    open: async (page) => {
      await visit(page, `${client}/lab`, "Step 1: Authorization request");
      await page.getByRole("button", { name: "Next: send the authorization request" }).click();
      await page.getByRole("button", { name: "Allow" }).click();
      await expect(page.getByRole("heading", { name: "Step 3: Authorization code" })).toBeVisible();
    },
  },
  {
    name: "Step-through lab, steps 5 and 6 (the token, and the API call ahead)",
    open: async (page) => {
      await page.getByRole("button", { name: "Next: exchange the code" }).click();
      await expect(page.getByRole("heading", { name: "Step 6: Access resource" })).toBeVisible();
    },
  },
  {
    name: "Step-through lab, step 7 (the photos)",
    open: async (page, { user }) => {
      await page.getByRole("button", { name: "Next: call the API" }).click();
      await expect(page.getByRole("heading", { name: "Step 7: Resource delivery" })).toBeVisible();
      await expect(page.getByText(user.photoTitles[0]!).first()).toBeVisible();
    },
  },
  {
    name: "Attack lab, after a run (outcome, refusing check, the run's messages)",
    open: async (page) => {
      await page.goto(attacker);
      const card = page.getByRole("article", { name: /^11\. / });
      await card.getByRole("button", { name: "Run it", exact: true }).click();
      await expect(card.getByRole("region", { name: "Refused by" })).toBeVisible({ timeout: 20_000 });
      await expect(card.getByRole("region", { name: "Messages of this run" }).locator('[data-from="attacker"]').first()).toBeVisible();
    },
  },
];

test("axe finds no serious or critical WCAG 2.1 AA violation on the pages anyone can open, light and dark", async ({ browser }) => {
  test.setTimeout(90_000);
  await auditEveryPage(browser, publicPages, { user: await registerTestUser() });
});

test("axe finds no serious or critical WCAG 2.1 AA violation on the pages behind a sign-in, light and dark", async ({ browser }) => {
  test.setTimeout(90_000);
  await auditEveryPage(browser, flowPages, { user: await registerTestUser() });
});
