// After every other test: no password, client secret, code, PKCE verifier or refresh token is
// stored in clear anywhere in the database, and none is printed in the apps' logs.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { logFolder } from "../../apps.ts";
import { database } from "../../fixtures/database.ts";
import { signInOverHttp } from "../../fixtures/http-flow.ts";
import { expect, signInAs, test } from "../../fixtures/test.ts";

/** Every value of every row of every table, as one string to search. */
async function wholeDatabase(): Promise<string> {
  const tables = await database.$queryRawUnsafe<{ name: string }[]>(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
  );
  const rows = await Promise.all(tables.map(({ name }) => database.$queryRawUnsafe<unknown[]>(`SELECT * FROM "${name}"`)));
  return JSON.stringify(rows, (_key, value: unknown) => (typeof value === "bigint" ? value.toString() : value));
}

/** Everything the three apps printed during the run. */
function allLogs(): string {
  return readdirSync(logFolder)
    .filter((file) => file.endsWith(".log"))
    .map((file) => readFileSync(path.join(logFolder, file), "utf8"))
    .join("\n");
}

const demoSecrets = ["wonderland", "printshop-demo-secret", "photocloud-api-demo-secret"];

test("no secret is stored in clear, or printed in the logs, after a full run", async ({ page, testClient, testUser }) => {
  // A flow whose every secret this test knows: the password, the client secret, the code, the
  // verifier, and the refresh token; and a PrintShop sign-in in the browser, which stores tokens.
  const { code, request, tokens } = await signInOverHttp(testClient, testUser);
  await page.goto(`${new URL(testClient.redirectUri).origin}/`);
  await page.getByRole("button", { name: "Sign in with PhotoCloud" }).click();
  await signInAs(page, testUser.username, testUser.password);
  await page.getByRole("button", { name: "Allow" }).click();
  await expect(page.getByRole("heading", { name: `${testUser.name}'s photos` })).toBeVisible();

  const secrets = [testUser.password, testClient.secret, code, request.verifier, tokens.refresh_token!, ...demoSecrets];
  const stored = await wholeDatabase();
  for (const secret of secrets) expect(stored.includes(secret), `the database holds ${secret.slice(0, 4)}… in clear`).toBe(false);

  const logs = allLogs();
  expect(logs.length).toBeGreaterThan(0);
  for (const secret of secrets) expect(logs.includes(secret), `the logs print ${secret.slice(0, 4)}…`).toBe(false);
  // No access token either: a JWT is three base64url parts, the first two starting with eyJ.
  expect(logs).not.toMatch(/eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+/);
});
