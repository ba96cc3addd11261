// The README's picture of the room dashboard in the presenter view, light and dark, as
// docs/screenshots/dashboard-<theme>.png: four attendees at different points, one of them after a
// PKCE mistake, on the workshop's stack. Run by `npm run screenshots`, never by `npm test`.
import { expect, test } from "@playwright/test";
import * as flow from "@seven-steps/http-flow";
import { statSync } from "node:fs";
import path from "node:path";
import { apps, repositoryRoot } from "../apps.ts";
import { signInAs } from "../fixtures/test.ts";
import { instructor, workshopUrls } from "../fixtures/workshop.ts";
import { asFlow, callApi, codeFlowOverHttp, joinOverHttp } from "../fixtures/workshop-attendees.ts";

const folder = path.join(repositoryRoot, "docs", "screenshots");
const maxBytes = 250_000;
const issuer = apps.authorizationServer.url;

test("the presenter view of the room dashboard, light and dark", async ({ page }) => {
  const [ada, grace, edsger] = await Promise.all(["Ada", "Grace", "Edsger", "Barbara"].map((name) => joinOverHttp(name)));
  // Ada: her own client's code flow and the API (exercises 3 and 4); Grace: the code flow; Edsger: a PKCE mistake.
  expect((await callApi((await codeFlowOverHttp(ada!)).access_token)).status).toBe(200);
  await codeFlowOverHttp(grace!);
  const { client, user } = asFlow(edsger!);
  const { code } = await flow.obtainCode(issuer, client, user, "profile photos:read");
  await flow.tokenRequest(issuer, client, { grant_type: "authorization_code", code, redirect_uri: client.redirectUri, code_verifier: "a".repeat(43) });

  await page.goto(`${issuer}/sign-in?return_to=${encodeURIComponent("/workshop/room")}`);
  await signInAs(page, instructor.username, instructor.password);
  await expect(page).toHaveURL(workshopUrls.room);
  await expect(page.getByText("PKCE: the code_verifier does not match the code_challenge").first()).toBeVisible();
  for (const theme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: theme });
    const file = path.join(folder, `dashboard-${theme}.png`);
    await page.screenshot({ path: file });
    expect(statSync(file).size, `${file} is too large for the README`).toBeLessThan(maxBytes);
  }
});
