// Mallory's own endpoints take bad input like every other app: a clear error with a code a person
// can act on, never a 500.
import { apps } from "../../apps.ts";
import { expect, test } from "../../fixtures/test.ts";

const mallory = apps.attacker.url;
const runId = "AAAAAAAAAAAAAAAAAAAAAA";

test("the lab's run endpoint answers an unknown attack or phase with 404, and a malformed run with 400", async ({ request }) => {
  const unknownAttack = await request.post(`${mallory}/api/attacks/no-such-attack/run`, { data: { runId } });
  expect(unknownAttack.status()).toBe(404);
  expect((await unknownAttack.json()).error).toBe("not_found");
  expect((await request.post(`${mallory}/api/attacks/stolen-code/no-such-phase`, { data: { runId } })).status()).toBe(404);

  const notJson = await request.post(`${mallory}/api/attacks/stolen-code/redeem`, { headers: { "content-type": "application/json" }, data: "{not json" });
  expect(notJson.status()).toBe(400);
  expect((await notJson.json()).error).toBe("invalid_request");

  const shortRun = await request.post(`${mallory}/api/attacks/stolen-code/redeem`, { data: { runId: "short" } });
  expect(shortRun.status()).toBe(400);
  expect((await shortRun.json()).error_description).toContain("runId must be 22 to 64 base64url characters");
});

test("a run with the defence switched off is refused when the apps were not started for the lab", async ({ request }) => {
  const response = await request.post(`${mallory}/api/attacks/stolen-code/redeem`, { data: { runId, weakened: true, input: { code: "x" } } });
  expect(response.status()).toBe(400);
  expect((await response.json()).error_description).toBe(
    "The defence cannot be switched off: the apps were not started for the lab. Start them with `npm run dev:lab` to switch a defence off.",
  );
});

test("a phase missing what it needs says so, as a verdict", async ({ request }) => {
  const response = await request.post(`${mallory}/api/attacks/stolen-code/redeem`, { data: { runId, input: {} } });
  expect(response.status()).toBe(200);
  expect((await response.json()).outcome).toEqual({ verdict: "could-not-run", summary: "No code reached Mallory: alice's app did not get one." });
});

test("the records of an unknown run are not found, and a malformed run id is not looked up", async ({ request }) => {
  for (const id of ["AAAAAAAAAAAAAAAAAAAAAZ", "not a run id", "x".repeat(65)]) {
    const response = await request.get(`${mallory}/api/runs/${encodeURIComponent(id)}`);
    expect(response.status(), id).toBe(404);
    expect((await response.json()).error).toBe("not_found");
  }
});

test("Mallory's API and her authorization server answer like servers: a challenge, an error, metadata", async ({ request }) => {
  const prints = await request.get(`${mallory}/api/prints`);
  expect(prints.status()).toBe(401);
  expect(prints.headers()["www-authenticate"]).toMatch(/^Bearer /);
  expect((await prints.json()).error).toBe("invalid_token");

  const token = await request.post(`${mallory}/mallory-accounts/token`, { form: { grant_type: "authorization_code", code: "\u0000" } });
  expect(token.status()).toBe(400);
  expect((await token.json()).error).toBe("invalid_grant");

  const metadata = await request.get(`${mallory}/.well-known/oauth-authorization-server/mallory-accounts`);
  expect(metadata.status()).toBe(200);
  expect((await metadata.json()).issuer).toBe(`${mallory}/mallory-accounts`);
});
