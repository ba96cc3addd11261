// A room reaches PrintShop over plain http at the instructor's address, where browsers give a page
// no WebCrypto: it is not a secure context. 127.0.0.2, the tests' stand-in for that address, is a
// loopback address and so a secure context, so the page is told it is not one here, as it would
// be in a room. The lab then runs without DPoP: PKCE (hashed without WebCrypto) and a Bearer
// token. It says so once, and how to see DPoP.
import { linkKey } from "@seven-steps/inspector";
import type { Page } from "@playwright/test";
import { createHash } from "node:crypto";
import { apps } from "../../apps.ts";
import { database } from "../../fixtures/database.ts";
import { expect, test } from "../../fixtures/test.ts";
import { joinInBrowser } from "../../fixtures/workshop-attendees.ts";

/** What a page over plain http from a room's address has: getRandomValues, but no crypto.subtle. */
async function withoutSecureContext(page: Page) {
  await page.addInitScript(() => {
    Object.defineProperty(window, "isSecureContext", { value: false });
    Object.defineProperty(globalThis.crypto, "subtle", { value: undefined });
  });
}

test("on a plain-http room address, the lab runs steps 1 to 7 without DPoP, with PKCE and a Bearer token, and says why", async ({ page }) => {
  await withoutSecureContext(page);
  await joinInBrowser(page, "Plain Http Pat");
  await page.goto(`${apps.client.url}/lab`);

  // (The workshop's banner is a note too.)
  const note = page.getByRole("note").filter({ hasText: "This page is not a secure context" });
  await expect(note).toHaveCount(1);
  await expect(note).toContainText(
    `This page is not a secure context (plain http from ${apps.client.url}), so the browser gives it no WebCrypto: ` +
      "the lab runs without DPoP here, with PKCE and a Bearer token.",
  );
  await expect(note).toContainText("chrome://flags/#unsafely-treat-insecure-origin-as-secure");
  await expect(note).toContainText("dom.securecontext.allowlist");

  // Step 1: a PKCE challenge all the same, and no dpop_jkt.
  const step1 = page.getByRole("region", { name: "Step 1: Authorization request" });
  await expect(step1.getByRole("row", { name: /^code_challenge / })).toBeVisible();
  await expect(step1.getByRole("row", { name: /^dpop_jkt / })).toHaveCount(0);
  await page.getByRole("button", { name: "Next: send the authorization request" }).click();

  // Step 2: already signed in at PhotoCloud since joining.
  await page.getByRole("button", { name: "Allow" }).click();
  await expect(page).toHaveURL(/\/lab\/callback\?code=/);
  const code = new URL(page.url()).searchParams.get("code")!;
  await expect(note).toHaveCount(1);
  await page.getByRole("button", { name: "Next: exchange the code" }).click();
  await expect(page.getByText("token_type Bearer")).toBeVisible();
  await page.getByRole("button", { name: "Next: call the API" }).click();
  await expect(page.getByRole("heading", { name: "Step 7: Resource delivery" })).toBeVisible();
  // The replay of a stolen DPoP token has nothing to show with a Bearer token.
  await expect(page.getByRole("region", { name: "What a stolen token is worth" })).toHaveCount(0);

  // As the authorization server and the API recorded them: no proof, a Bearer token, sent as Bearer.
  const { flowId } = await database.flowCorrelation.findFirstOrThrow({ where: { key: linkKey("code", code) } });
  const exchanges = await database.protocolExchange.findMany({ where: { flowId } });
  const tokenRequest = exchanges.find((exchange) => exchange.kind === "token");
  expect(tokenRequest).toBeDefined();
  expect(JSON.parse(tokenRequest!.requestHeaders)).not.toHaveProperty("dpop");
  expect(tokenRequest!.status).toBe(200);
  expect(JSON.parse(tokenRequest!.responseBody!)).toMatchObject({ token_type: "Bearer" });
  const resourceRequest = exchanges.find((exchange) => exchange.kind === "resource");
  expect(resourceRequest).toBeDefined();
  expect((JSON.parse(resourceRequest!.requestHeaders) as { authorization: string }).authorization).toMatch(/^Bearer /);
  expect(resourceRequest!.status).toBe(200);
});

test("on a plain-http room address, the attack lab's alice's app still sends an S256 code_challenge", async ({ page }) => {
  await withoutSecureContext(page);
  // Only the request is of interest here: the authorization server is not asked.
  const authorizeUrl = /\/authorize\?/;
  const authorizationRequest = page.waitForRequest(authorizeUrl);
  await page.route(authorizeUrl, (route) => route.fulfill({ contentType: "text/plain", body: "held" }));
  await page.goto(`${apps.client.url}/attack-lab/victim?attack-run=without-secure-context`);
  const sent = new URL((await authorizationRequest).url());
  expect(sent.searchParams.get("code_challenge_method")).toBe("S256");

  // The verifier alice's app kept in its tab hashes to the challenge it sent.
  await page.goto(`${apps.client.url}/no-such-page`);
  const { verifier } = JSON.parse((await page.evaluate(() => sessionStorage.getItem("attack-lab-alices-app")))!) as { verifier: string };
  expect(sent.searchParams.get("code_challenge")).toBe(createHash("sha256").update(verifier).digest("base64url"));
});
