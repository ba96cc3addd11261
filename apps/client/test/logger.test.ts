import { afterEach, describe, expect, it, vi } from "vitest";
import { nextAuthLogger, printable } from "@/auth/logger";

const accessToken =
  "eyJhbGciOiJFUzI1NiIsInR5cCI6ImF0K2p3dCJ9.eyJpc3MiOiJodHRwOi8vbG9jYWxob3N0OjMwMDEiLCJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJlLW9mLXRoZS10b2tlbg";
const state = "TtFc7PHdXVJ23Adr_wreNrSy8grAA_yFpXQWOAVz35w";

describe("PrintShop's next-auth logger", () => {
  afterEach(() => vi.restoreAllMocks());

  it("hides tokens and state values, and keeps the words", () => {
    expect(printable(`state mismatch, expected ${state}, got: forged`)).toBe(
      "state mismatch, expected [redacted], got: forged",
    );
    expect(printable(`bad token ${accessToken}`)).toBe("bad token [redacted].[redacted].[redacted]");
  });

  it("drops control characters and cuts long messages", () => {
    expect(printable("line one\n[forged] line two")).toBe("line one [forged] line two");
    expect(printable("a ".repeat(300))).toHaveLength(201);
  });

  it("prints an error's code and message, never the callback's query or the stack", () => {
    const printed = vi.spyOn(console, "error").mockImplementation(() => {});
    const error = new Error(`state mismatch, expected ${state}`);

    nextAuthLogger.error!("OAUTH_CALLBACK_HANDLER_ERROR", {
      error,
      error_description: accessToken,
      providerId: "authorization-server",
    } as never);

    expect(printed).toHaveBeenCalledExactlyOnceWith("[next-auth] OAUTH_CALLBACK_HANDLER_ERROR: state mismatch, expected [redacted]");
  });
});
