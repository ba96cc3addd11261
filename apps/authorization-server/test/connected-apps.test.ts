// The "Connected apps" page: the user takes access back from a client.
import { describe, expect, it } from "vitest";
import { POST as disconnect } from "@/app/connected-apps/disconnect/route";
import { db } from "@/db";
import { listConnectedApps } from "@/storage/grants";
import { alice, bob, csrfTokenOf, formRequest, obtainTokens, registerClient, signIn, token } from "./fixtures.ts";
import { expectTokenError } from "./token-assertions.ts";

async function aliceId(): Promise<string> {
  return (await db.user.findUniqueOrThrow({ where: { username: alice.username } })).id;
}

describe("connected apps", () => {
  it("lists each client the user allowed, with its scopes, since when, and when it was last used", async () => {
    const client = await registerClient({ name: "Kiosk" });
    await obtainTokens(client);
    const apps = await listConnectedApps(await aliceId());
    const kiosk = apps.find((app) => app.clientId === client.id);
    expect(kiosk).toMatchObject({ clientName: "Kiosk", scope: "profile photos:read" });
    expect(kiosk!.since).toBeInstanceOf(Date);
    expect(kiosk!.lastUsedAt).toBeInstanceOf(Date);
  });

  it("revokes every grant of the client and forgets the consent; the client's refresh then fails", async () => {
    const client = await registerClient();
    const tokens = await obtainTokens(client);
    const cookie = await signIn(alice);

    const response = await disconnect(formRequest("/connected-apps/disconnect", { client_id: client.id, csrf_token: await csrfTokenOf(cookie) }, { cookie }));
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`/connected-apps?removed=${client.id}`);

    const grants = await db.grant.findMany({ where: { clientId: client.id } });
    expect(grants.every((grant) => grant.revokedAt !== null && grant.revocationReason === "access removed by the user")).toBe(true);
    expect(await db.consent.count({ where: { clientId: client.id } })).toBe(0);
    await expectTokenError(await token(client, { grant_type: "refresh_token", refresh_token: tokens.refresh_token! }), "invalid_grant");
    expect((await listConnectedApps(await aliceId())).some((app) => app.clientId === client.id)).toBe(false);
  });

  it("changes nothing without the session's CSRF token", async () => {
    const client = await registerClient();
    await obtainTokens(client);
    const cookie = await signIn(alice);
    const bobsToken = await csrfTokenOf(await signIn(bob));
    for (const csrf_token of ["", bobsToken]) {
      const response = await disconnect(formRequest("/connected-apps/disconnect", { client_id: client.id, csrf_token }, { cookie }));
      expect(response.status).toBe(403);
    }
    expect(await db.grant.count({ where: { clientId: client.id, revokedAt: null } })).toBe(1);
  });

  it("only touches the signed-in user's grants", async () => {
    const client = await registerClient();
    await obtainTokens(client, { user: bob });
    const cookie = await signIn(alice);
    await disconnect(formRequest("/connected-apps/disconnect", { client_id: client.id, csrf_token: await csrfTokenOf(cookie) }, { cookie }));
    expect(await db.grant.count({ where: { clientId: client.id, revokedAt: null } })).toBe(1);
  });

  it("sends a visitor without a session to sign in", async () => {
    const response = await disconnect(formRequest("/connected-apps/disconnect", { client_id: "x", csrf_token: "x" }));
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/sign-in?return_to=%2Fconnected-apps");
  });
});
