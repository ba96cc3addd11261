import { describe, expect, it } from "vitest";
import { bearerChallenge } from "../resource-server/bearer-token.ts";
import { parseBearerChallenge } from "./bearer-challenge.ts";

describe("parseBearerChallenge (RFC 6750 §3)", () => {
  it("reads what bearerChallenge writes", () => {
    const header = bearerChallenge("PhotoCloud API", {
      code: "insufficient_scope",
      description: "This request needs the scope photos:write.",
      scope: ["photos:write"],
    });
    expect(parseBearerChallenge(header)).toEqual({
      realm: "PhotoCloud API",
      error: "insufficient_scope",
      error_description: "This request needs the scope photos:write.",
      scope: "photos:write",
    });
  });

  it("reads a challenge with the realm only", () => {
    expect(parseBearerChallenge('Bearer realm="PhotoCloud API"')).toEqual({ realm: "PhotoCloud API" });
  });

  it("ignores other schemes and absent headers", () => {
    expect(parseBearerChallenge('Basic realm="x"')).toBeNull();
    expect(parseBearerChallenge(null)).toBeNull();
  });
});
