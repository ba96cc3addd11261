// Exercise 3's script (src/workshop/client-script.ts), as the exercises page prints it: an ES
// module that Node.js reads, written with the attendee's own values, and never their secret.
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { clientScript, clientScriptFileName, secretPlaceholder } from "@/workshop/client-script";

const folder = await mkdtemp(path.join(tmpdir(), "workshop-client-script-"));
afterAll(() => rm(folder, { recursive: true, force: true }));

const values = {
  issuer: "http://127.0.0.2:3001",
  api: "http://127.0.0.2:3002",
  clientId: "workshop-ada-lovelace",
  redirectUri: "http://localhost:4242/callback",
  scope: "profile photos:read",
};

/** Whether Node.js parses the script as an ES module; its error otherwise. */
async function nodeChecks(script: string): Promise<void> {
  const file = path.join(folder, clientScriptFileName);
  await writeFile(file, script);
  await promisify(execFile)(process.execPath, ["--check", file]);
}

describe("the oauth4webapi client script of exercise 3", () => {
  it("is an ES module that Node.js parses", async () => {
    await expect(nodeChecks(clientScript(values))).resolves.toBeUndefined();
    expect(clientScriptFileName).toMatch(/\.mjs$/);
  });

  it("is written with the attendee's values, and a placeholder where their secret goes", () => {
    const script = clientScript(values);
    expect(script).toContain('import * as oauth from "oauth4webapi";');
    expect(script).toContain(`new URL("${values.issuer}")`);
    expect(script).toContain(`const api = "${values.api}";`);
    expect(script).toContain(`const redirectUri = "${values.redirectUri}";`);
    expect(script).toContain(`const client = { client_id: "${values.clientId}" };`);
    expect(script).toContain(`const clientSecret = "${secretPlaceholder}";`);
    expect(script).toContain('scope: "profile photos:read"');
    expect(script).toContain('code_challenge_method: "S256"');
    expect(script).toContain("oauth.ClientSecretBasic(clientSecret)");
    expect(script).toContain("oauth.refreshTokenGrantRequest");
    const code = script.split("\n").filter((line) => line.trim() !== "" && !line.trim().startsWith("//"));
    expect(code.length).toBeLessThanOrEqual(45);
  });

  it("allows plain http only when the room's addresses are plain http", () => {
    expect(clientScript(values)).toContain("[oauth.allowInsecureRequests]: true");
    const secure = clientScript({ ...values, issuer: "https://accounts.example", api: "https://api.example" });
    expect(secure).not.toContain("allowInsecureRequests");
  });

  it("keeps every value a string, whatever it holds", async () => {
    const hostile = clientScript({ ...values, clientId: '"; process.exit(7); "', redirectUri: "http://localhost:4242/callback\u2028x" });
    await expect(nodeChecks(hostile)).resolves.toBeUndefined();
    expect(hostile).toContain('const client = { client_id: "\\"; process.exit(7); \\"" };');
  });
});
