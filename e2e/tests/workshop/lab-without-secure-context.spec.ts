// A room reaches PrintShop over plain http at the instructor's address, where browsers give a page
// no WebCrypto: it is not a secure context. 127.0.0.2, the tests' stand-in for that address, is a
// loopback address and so a secure context, so the page is told it is not one here, as it would
// be in a room. The lab cannot make its PKCE challenge and DPoP key then; it says why, and how an
// attendee gets it running, rather than failing without a word.
import { apps } from "../../apps.ts";
import { expect, test } from "../../fixtures/test.ts";
import { joinInBrowser } from "../../fixtures/workshop-attendees.ts";

test("on a plain-http room address, the lab says that the browser withholds its cryptography, and what to do", async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, "isSecureContext", { value: false });
    Object.defineProperty(globalThis.crypto, "subtle", { value: undefined });
  });
  await joinInBrowser(page, "Plain Http Pat");
  await page.goto(`${apps.client.url}/lab`);
  const problem = page.getByText(`This page came over plain http from ${apps.client.url}`);
  await expect(problem).toBeVisible();
  await expect(problem).toContainText("chrome://flags/#unsafely-treat-insecure-origin-as-secure");
  await expect(problem).toContainText("dom.securecontext.allowlist");
});
