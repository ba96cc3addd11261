// Sign-out gives the refresh token back to PhotoCloud (RFC 7009), then forgets the tokens.
import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { endSignedInSession } from "@/tokens/client-session";
import { fakeAuthorizationServer as server } from "./fake-authorization-server.ts";
import { signedInSession } from "./fixtures.ts";

afterEach(() => {
  server.down = false;
  server.revocations.length = 0;
});

describe("sign-out", () => {
  it("revokes the refresh token at PhotoCloud, as PrintShop, then forgets the session's tokens", async () => {
    const sid = await signedInSession();
    await endSignedInSession(sid);

    expect(server.revocations).toHaveLength(1);
    const [revocation] = server.revocations;
    expect(revocation!.authorization).toBe(`Basic ${btoa("printshop:printshop-demo-secret")}`);
    expect(Object.fromEntries(revocation!.form)).toEqual({ token: "the-refresh-token", token_type_hint: "refresh_token" });
    expect(await db.clientSession.findUnique({ where: { id: sid } })).toBeNull();
  });

  it("forgets the tokens even when PhotoCloud cannot be reached, and says so in the log", async () => {
    const sid = await signedInSession();
    server.down = true;
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    await endSignedInSession(sid);
    expect(warn).toHaveBeenCalledWith("client: could not revoke the refresh token at sign-out:", expect.any(String));
    warn.mockRestore();
    expect(await db.clientSession.findUnique({ where: { id: sid } })).toBeNull();
  });
});
