// `npm run client:add`: registers a client from the command line with the rules of POST /register
// (RFC 7591). Each test runs the command as a child process, as a person would.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import type { ClientInformationResponse } from "@/oauth/registration/client-metadata";
import { hashSecret } from "@/secrets/secret-hash";
import { storedClientCounts } from "./registration-fixtures.ts";

const appFolder = path.resolve(import.meta.dirname, "..");

/**
 * Runs `tsx --conditions=react-server scripts/client-add.ts` with these arguments, as package.json
 * does. The child inherits this process's environment, where test/setup.ts put the DATABASE_URL of
 * this file's own database copy.
 */
function clientAdd(...args: string[]) {
  const result = spawnSync("npx", ["tsx", "--conditions=react-server", "scripts/client-add.ts", ...args], { cwd: appFolder, encoding: "utf8" });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("npm run client:add", () => {
  it("with --json, prints exactly the registration response of RFC 7591 §3.2.1 and stores the secret's hash", async () => {
    const result = clientAdd(
      "--name",
      "Kiosk",
      "--redirect-uri",
      "https://kiosk.example/cb",
      "--redirect-uri",
      "http://localhost:4000/cb",
      "--json",
    );

    expect(result.status).toBe(0);
    const body = JSON.parse(result.stdout) as ClientInformationResponse;
    expect(body).toEqual({
      client_id: expect.stringMatching(/^client-/),
      client_secret: expect.any(String),
      client_id_issued_at: expect.any(Number),
      client_secret_expires_at: 0,
      client_name: "Kiosk",
      redirect_uris: ["https://kiosk.example/cb", "http://localhost:4000/cb"],
      grant_types: ["authorization_code"],
      response_types: ["code"],
      token_endpoint_auth_method: "client_secret_basic",
      scope: "profile photos:read",
      dpop_bound_access_tokens: false,
      require_pushed_authorization_requests: false,
    });

    const row = await db.client.findUnique({ where: { id: body.client_id }, include: { redirectUris: { orderBy: { id: "asc" } } } });
    expect(row).toMatchObject({
      name: "Kiosk",
      secretHash: hashSecret(body.client_secret!),
      allowedScopes: "profile photos:read",
      // Added by an operator, not registered by the client itself.
      selfRegistered: false,
      // Only the seed's weak demo client has defences switched off for the attack lab.
      weakenedDefences: "",
    });
    expect(row!.redirectUris.map((redirectUri) => redirectUri.uri)).toEqual(body.redirect_uris);
  });

  it("registers a public client with --public and the scopes of --scope", async () => {
    const result = clientAdd(
      "--name",
      "Kiosk app",
      "--redirect-uri",
      "https://kiosk.example/cb",
      "--public",
      "--scope",
      "photos:read photos:write",
      "--json",
    );

    expect(result.status).toBe(0);
    const body = JSON.parse(result.stdout) as ClientInformationResponse;
    expect(body).not.toHaveProperty("client_secret");
    expect(body).toMatchObject({ token_endpoint_auth_method: "none", scope: "photos:read photos:write" });
    expect(await db.client.findUnique({ where: { id: body.client_id } })).toMatchObject({
      secretHash: null,
      allowedScopes: "photos:read photos:write",
    });
  });

  it("registers a client that must push its authorization requests with --require-par (RFC 9126 §6)", async () => {
    const result = clientAdd("--name", "Bank app", "--redirect-uri", "https://bank.example/cb", "--require-par", "--json");

    expect(result.status).toBe(0);
    const body = JSON.parse(result.stdout) as ClientInformationResponse;
    expect(body.require_pushed_authorization_requests).toBe(true);
    expect(await db.client.findUnique({ where: { id: body.client_id } })).toMatchObject({ requirePushedAuthorizationRequests: true });
  });

  it("without --json, prints the credentials for a person, with the reminder that the secret is shown once", async () => {
    const result = clientAdd("--name", "Kiosk", "--redirect-uri", "https://kiosk.example/cb");

    expect(result.status).toBe(0);
    const clientId = /client_id +(client-\S+)/.exec(result.stdout)?.[1];
    const secret = /client_secret +(\S+)/.exec(result.stdout)?.[1];
    expect(clientId).toBeDefined();
    expect(result.stdout).toContain("shown this once");
    expect(await db.client.findUnique({ where: { id: clientId! } })).toMatchObject({ secretHash: hashSecret(secret!) });
  });

  it("refuses a bad redirect URI with the description of RFC 7591's invalid_redirect_uri, and stores nothing", async () => {
    const before = await storedClientCounts();

    const result = clientAdd("--name", "Kiosk", "--redirect-uri", "http://kiosk.example/cb", "--json");

    expect(result.status).not.toBe(0);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain(
      "invalid_redirect_uri: redirect_uris[0] must use https; plain http is allowed only for localhost, 127.0.0.1 or [::1].",
    );
    expect(await storedClientCounts()).toEqual(before);
  });

  it("refuses to run without --name, and shows how to call it", async () => {
    const before = await storedClientCounts();

    const result = clientAdd("--redirect-uri", "https://kiosk.example/cb");

    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain("--name is required.");
    expect(result.stderr).toContain("Usage: npm run client:add -- --name <name> --redirect-uri <uri>");
    expect(await storedClientCounts()).toEqual(before);
  });

  it("refuses an option it does not know, and shows how to call it", () => {
    const result = clientAdd("--name", "Kiosk", "--redirect-uri", "https://kiosk.example/cb", "--secret", "chosen-by-me");

    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain("Unknown option '--secret'");
    expect(result.stderr).toContain("Usage:");
  });
});
