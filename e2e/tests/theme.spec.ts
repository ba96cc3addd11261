// The theme toggle in every header: light, dark, or the system's preference. A choice holds in all
// four apps (one cookie, which each root layout reads) and is in the page as it is sent, so that
// it is painted right the first time.
import type { Page } from "@playwright/test";
import { apps } from "../apps.ts";
import { expect, test } from "../fixtures/test.ts";
import { paintedDark } from "../fixtures/theme.ts";

const authorizationError = `${apps.authorizationServer.url}/authorize?response_type=code&client_id=no-such-client`;

function toggle(page: Page) {
  return page.getByRole("group", { name: "Colour theme" });
}

test("with no choice made, every app follows the system's preference", async ({ page }) => {
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const url of [apps.client.url, apps.authorizationServer.url, apps.resourceApi.url, apps.attacker.url, authorizationError]) {
      await page.goto(url);
      expect(await paintedDark(page), `${url} with the system ${scheme}`).toBe(scheme === "dark");
    }
  }
  await page.goto(apps.client.url);
  await expect(toggle(page).getByRole("radio", { name: "System" })).toBeChecked();
});

test("a theme chosen in one app holds in all four, across reloads, from the first paint, until System is chosen again", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto(apps.client.url);
  await toggle(page).getByRole("radio", { name: "Dark" }).check();
  expect(await paintedDark(page)).toBe(true);

  for (const url of [apps.client.url, apps.authorizationServer.url, apps.resourceApi.url, apps.attacker.url]) {
    const response = await page.goto(url);
    // In the HTML as it is sent, before any script runs: no light flash first.
    expect(await response!.text()).toMatch(/<html lang="en" data-theme="dark"/);
    expect(await paintedDark(page), url).toBe(true);
    await expect(toggle(page).getByRole("radio", { name: "Dark" })).toBeChecked();
  }
  // PhotoCloud's own message pages too.
  await page.goto(authorizationError);
  expect(await paintedDark(page)).toBe(true);

  // Light against a dark system, chosen with the keyboard: the arrow keys move within the group.
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto(apps.authorizationServer.url);
  await toggle(page).getByRole("radio", { name: "Dark" }).focus();
  await page.keyboard.press("ArrowLeft");
  await expect(toggle(page).getByRole("radio", { name: "Light" })).toBeChecked();
  expect(await paintedDark(page)).toBe(false);
  await page.goto(apps.client.url);
  expect(await paintedDark(page)).toBe(false);

  await toggle(page).getByRole("radio", { name: "System" }).check();
  expect(await paintedDark(page)).toBe(true);
  expect((await page.context().cookies()).map((cookie) => cookie.name)).not.toContain("seven-steps-theme");
  await page.goto(apps.attacker.url);
  expect(await paintedDark(page)).toBe(true);
});
