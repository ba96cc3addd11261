// With ATTACK_LAB_WEAKENING=true, every page of every app says which defences the attack lab may
// switch off, and for whom. (The main suite checks that the banner is absent: tests/smoke.spec.ts.)
import { expect, test } from "@playwright/test";
import { weakenableDefences } from "@seven-steps/story";
import { apps } from "../../apps.ts";

const pages = [
  { name: "client's home page", url: apps.client.url },
  { name: "client's page for an address it does not serve", url: `${apps.client.url}/no-such-page` },
  { name: "authorization server's sign-in page", url: `${apps.authorizationServer.url}/sign-in` },
  { name: "resource API's home page", url: apps.resourceApi.url },
];

for (const { name, url } of pages) {
  test(`the ${name} shows the red banner naming every defence that can be switched off`, async ({ page }) => {
    await page.goto(url);

    const banner = page.getByRole("alert", { name: /^Defences switched off/ });
    await expect(banner).toBeVisible();
    await expect(banner).toContainText("ATTACK_LAB_WEAKENING=true");
    for (const defence of weakenableDefences) {
      const item = banner.getByRole("listitem").filter({ hasText: defence.name });
      await expect(item).toContainText(defence.scope === "client" ? "for the client printshop-weak" : "per request, when Mallory asks");
      await expect(item.getByRole("link")).toHaveAttribute("href", defence.see);
    }
  });
}
