// Attacks on PrintShop's redirect URI (step 3, on the client's side): a forged callback must not
// sign anyone in. Each test lets PhotoCloud issue a real code for PrintShop's own request, bound
// to the PKCE verifier in this browser, catches it before PrintShop sees it, and then replays it
// with one thing changed. Had PrintShop skipped the check, the sign-in would have gone through.
import type { Page } from "@playwright/test";
import { hashSecret } from "@seven-steps/authorization-server/secret-hash";
import { apps, printShopRedirectUri } from "../../apps.ts";
import { database, userId } from "../../fixtures/database.ts";
import { expect, signInAs, test } from "../../fixtures/test.ts";
import type { TestUser } from "../../fixtures/test-users.ts";

const client = apps.client.url;
const issuer = apps.authorizationServer.url;

/**
 * Signs in at PhotoCloud through PrintShop and presses Allow, but stops PhotoCloud's answer on its
 * way back: the browser never follows the redirect to PrintShop's callback. (Playwright cannot
 * intercept the redirected request itself, so the consent form's own request is caught.) Returns
 * the answer: PrintShop's redirect URI with the code, state and iss.
 */
async function interceptedAnswer(page: Page, user: TestUser): Promise<URL> {
  await page.goto(client);
  await page.getByRole("button", { name: "Sign in with PhotoCloud" }).click();
  await signInAs(page, user.username, user.password);
  await expect(page.getByRole("heading", { name: "PrintShop wants to access your PhotoCloud account" })).toBeVisible();

  let answer: URL | undefined;
  await page.route(`${issuer}/consent/decision`, async (route) => {
    // The request as intercepted lacks the Sec-Fetch-Site header Chromium adds after this point,
    // which the authorization server needs to accept its own form; the copy sent here carries it.
    const headers = { ...route.request().headers(), "sec-fetch-site": "same-origin" };
    const response = await route.fetch({ headers, maxRedirects: 0 });
    answer = new URL(response.headers().location!);
    await route.fulfill({ status: 200, contentType: "text/plain", body: "Stopped before PrintShop." });
  });
  await page.getByRole("button", { name: "Allow" }).click();
  await expect.poll(() => answer).toBeDefined();
  await page.unroute(`${issuer}/consent/decision`);
  expect(`${answer!.origin}${answer!.pathname}`).toBe(printShopRedirectUri);
  expect(answer!.searchParams.get("code")).toMatch(/^[\w-]{43}$/);
  return answer!;
}

/**
 * PrintShop refused the answer: no session cookie, no stored tokens, the code never redeemed (the
 * refusal came before step 4), and its page saying why.
 */
async function expectRefused(page: Page, user: TestUser, code: string) {
  const cookies = await page.context().cookies(client);
  expect(cookies.map((cookie) => cookie.name)).not.toContain("printshop.session-token");
  const subject = await userId(user.username);
  expect(await database.clientSession.count({ where: { subject } })).toBe(0);
  expect(await database.grant.count({ where: { userId: subject, clientId: "printshop" } })).toBe(0);
  const stored = await database.authorizationCode.findUniqueOrThrow({ where: { codeHash: hashSecret(code) } });
  expect(stored.consumedAt).toBeNull();

  await expect(page.getByRole("heading", { name: "PhotoCloud's answer could not be accepted" })).toBeVisible();
  expect(new URL(page.url()).pathname).toBe("/sign-in/problem");
}

// RFC 6749 §10.12 and RFC 9700 §4.7: the state ties the answer to the browser that made the
// request, so an attacker cannot inject a code (theirs, or a stolen one) into a victim's browser.
test("PrintShop refuses a callback whose state it did not issue, and signs no one in", async ({ page, testUser }) => {
  const answer = await interceptedAnswer(page, testUser);
  const forged = new URL(answer);
  forged.searchParams.set("state", "forged-by-an-attacker");

  await page.goto(forged.toString());
  await expectRefused(page, testUser, answer.searchParams.get("code")!);
});

// RFC 9207 §2.4 and RFC 9700 §4.4: the client checks that the answer comes from the
// authorization server it sent the user to, against mix-up attacks.
test("PrintShop refuses a callback whose iss names another authorization server, and signs no one in", async ({ page, testUser }) => {
  const answer = await interceptedAnswer(page, testUser);
  expect(answer.searchParams.get("iss")).toBe(issuer);
  const forged = new URL(answer);
  forged.searchParams.set("iss", "https://accounts.attacker.example");

  await page.goto(forged.toString());
  await expectRefused(page, testUser, answer.searchParams.get("code")!);
});

test("the same answer replayed unchanged signs the member in: the refusals above are the forgery's doing", async ({ page, testUser }) => {
  const answer = await interceptedAnswer(page, testUser);

  await page.goto(answer.toString());
  await expect(page.getByRole("heading", { name: `${testUser.name}'s photos` })).toBeVisible();
  expect(await database.clientSession.count({ where: { subject: await userId(testUser.username) } })).toBe(1);
});
