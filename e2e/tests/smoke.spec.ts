import { expect, test } from "@playwright/test";
import type { Role } from "@seven-steps/protocol";
import { roleDescriptions } from "@seven-steps/story";
import { apps } from "../apps.ts";

const pages: { name: string; url: string; role: Role; heading: string }[] = [
  { name: "client", url: apps.client.url, role: "client", heading: "This is the client." },
  { name: "authorization server", url: apps.authorizationServer.url, role: "authorization-server", heading: "This is the authorization server." },
  { name: "resource API", url: apps.resourceApi.url, role: "resource-server", heading: "This is the resource server." },
];

for (const { name, url, role, heading } of pages) {
  test(`the ${name} says which role it plays`, async ({ page }) => {
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });

    const response = await page.goto(url);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    await expect(page.getByRole("banner").getByText(roleDescriptions[role].name, { exact: true })).toBeVisible();

    const protagonists = page.getByRole("region", { name: "The four protagonists" });
    await expect(protagonists.getByRole("listitem")).toHaveCount(4);
    await expect(protagonists.locator('[aria-current="true"]')).toContainText(roleDescriptions[role].name);
    await expect(page.getByRole("region", { name: "The seven steps" }).getByRole("listitem")).toHaveCount(7);
    // Only the attack lab's own stack may switch defences off (tests/attack-lab-weakened/).
    await expect(page.getByRole("alert", { name: /^Defences switched off/ })).toHaveCount(0);
    // Nor is this the workshop's stack, where plain http crosses a room's network (tests/workshop/).
    await expect(page.getByRole("note", { name: /^Workshop mode/ })).toHaveCount(0);
    expect(errors).toEqual([]);
  });
}

test("the apps link to one another", async ({ page }) => {
  await page.goto(apps.client.url);
  await page.getByRole("link", { name: `Open ${new URL(apps.authorizationServer.url).host}` }).click();
  await expect(page).toHaveURL(`${apps.authorizationServer.url}/`);
  await page.getByRole("link", { name: `Open ${new URL(apps.resourceApi.url).host}` }).click();
  await expect(page).toHaveURL(`${apps.resourceApi.url}/`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This is the resource server.");
});
