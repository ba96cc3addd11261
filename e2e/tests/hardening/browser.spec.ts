// Browser hardening, checked on the running apps: every page has a Content-Security-Policy and
// cannot be framed, the flow's pages send no Referer, token-carrying answers are never cached,
// and no token ever appears in a URL but the code in the callback.
import type { Request } from "@playwright/test";
import { apps, labRedirectUri, printShopRedirectUri } from "../../apps.ts";
import { expect, signInAs, test } from "../../fixtures/test.ts";

const pages = [
  `${apps.client.url}/`,
  `${apps.client.url}/photos`,
  `${apps.client.url}/inspector`,
  `${apps.client.url}/lab`,
  `${apps.client.url}/sign-in/problem?error=access_denied`,
  `${apps.authorizationServer.url}/`,
  `${apps.authorizationServer.url}/sign-in`,
  `${apps.authorizationServer.url}/developers`,
  `${apps.resourceApi.url}/`,
];

test("every page has a Content-Security-Policy that forbids framing, and sends no Referer", async ({ request }) => {
  for (const url of pages) {
    const response = await request.get(url, { maxRedirects: 0 });
    const headers = response.headers();
    expect(headers["content-security-policy"], url).toContain("frame-ancestors 'none'");
    expect(headers["content-security-policy"], url).toContain("object-src 'none'");
    expect(headers["x-frame-options"], url).toBe("DENY");
    expect(headers["referrer-policy"], url).toBe("no-referrer");
    expect(headers["x-content-type-options"], url).toBe("nosniff");
  }
});

test("the browser refuses to show the sign-in page inside another site's frame", async ({ page }) => {
  await page.goto(`${apps.resourceApi.url}/`);
  await page.setContent(`<iframe id="attack" src="${apps.authorizationServer.url}/sign-in" width="600" height="400"></iframe>`);
  const frame = page.frameLocator("#attack");
  // Were it framed, an attacker could overlay it and steal clicks (RFC 6749 §10.13).
  await expect(frame.getByLabel("Password")).toHaveCount(0);
});

test("during a whole sign-in, no token is in any URL except the code at the callback, and token answers are not cached", async ({
  page,
  testUser,
}) => {
  const requests: Request[] = [];
  page.on("request", (request) => requests.push(request));
  const tokenAnswers: { url: string; cacheControl: string | undefined }[] = [];
  page.on("response", (response) => {
    const url = response.url();
    if (url.includes("/api/inspector/flows/") || url.endsWith("/token")) {
      tokenAnswers.push({ url, cacheControl: response.headers()["cache-control"] });
    }
  });

  await page.goto(`${apps.client.url}/`);
  await page.getByRole("button", { name: "Sign in with PhotoCloud" }).click();
  await signInAs(page, testUser.username, testUser.password);
  await page.getByRole("button", { name: "Allow" }).click();
  await expect(page.getByRole("heading", { name: `${testUser.name}'s photos` })).toBeVisible();
  await page.getByRole("link", { name: "See how this worked, step by step" }).click();
  await expect(page.getByRole("status")).toContainText("7 of 7 steps recorded");

  // The callback page of the client sends no Referer: its URL carries the code.
  const callback = requests.find((request) => request.url().startsWith(`${printShopRedirectUri}?`));
  expect(callback).toBeDefined();
  expect((await callback!.response())!.headers()["referrer-policy"]).toBe("no-referrer");

  for (const request of requests) {
    const url = new URL(request.url());
    expect(request.url(), "no JWT in a URL").not.toMatch(/eyJ[\w-]+\.eyJ[\w-]+/);
    for (const name of ["access_token", "refresh_token", "id_token", "code_verifier", "client_secret", "password"]) {
      expect(url.searchParams.has(name), `${name} in ${url.pathname}`).toBe(false);
    }
    if (url.searchParams.has("code")) {
      expect([printShopRedirectUri, labRedirectUri], `a code in ${url.origin}${url.pathname}`).toContain(`${url.origin}${url.pathname}`);
    }
  }

  await expect.poll(() => tokenAnswers.length).toBeGreaterThan(0);
  for (const answer of tokenAnswers) expect(answer.cacheControl, answer.url).toContain("no-store");
});
