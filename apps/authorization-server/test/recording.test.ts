// Recording for the inspector never changes an answer: whatever fails while a message is being
// described or stored is logged, and the request is answered as if nothing was recorded.
import { afterEach, describe, expect, it, vi } from "vitest";
import { POST as passwordEndpoint } from "@/app/sign-in/password/route";
import { db } from "@/db";
import { alice, authorizationRequest, formRequest, obtainTokens, pkce, registerClient } from "./fixtures.ts";

afterEach(() => {
  vi.restoreAllMocks();
});

/** Makes every write of the inspector's records fail, as a full disk or a broken table would. */
function breakTheRecorder() {
  vi.spyOn(console, "warn").mockImplementation(() => undefined);
  return vi.spyOn(db.flowCorrelation, "findMany").mockRejectedValue(new Error("disk I/O error"));
}

describe("recording for the inspector, failing on purpose", () => {
  it("still signs the user in and sends them back to the authorization request", async () => {
    const broken = breakTheRecorder();
    const { challenge } = await pkce();
    const returnTo = `/authorize?${new URLSearchParams(authorizationRequest(await registerClient(), challenge))}`;

    const response = await passwordEndpoint(formRequest("/sign-in/password", { ...alice, return_to: returnTo }));

    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(returnTo);
    expect(response.headers.get("set-cookie")).toMatch(/^photocloud_session=/);
    expect(broken).toHaveBeenCalled();
    expect(console.warn).toHaveBeenCalledWith("authorization-server: the inspector could not record the sign-in message:", "disk I/O error");
  });

  it("still runs steps 1 to 5 and issues the tokens", async () => {
    const broken = breakTheRecorder();

    const tokens = await obtainTokens(await registerClient());

    expect(tokens.access_token).toBeTruthy();
    expect(tokens.refresh_token).toBeTruthy();
    expect(broken).toHaveBeenCalled();
  });
});
