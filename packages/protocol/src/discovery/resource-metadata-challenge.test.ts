import { describe, expect, it } from "vitest";
import { dpopChallenge } from "../dpop/challenge.ts";
import { bearerChallenge } from "../resource-server/bearer-token.ts";
import { resourceMetadataLocation } from "./resource-metadata-challenge.ts";

const location = "https://api.example/.well-known/oauth-protected-resource";

describe("resourceMetadataLocation (RFC 9728 §5.1)", () => {
  it("reads resource_metadata from a Bearer challenge, as the server writes it", () => {
    expect(resourceMetadataLocation(bearerChallenge("PhotoCloud API", undefined, { resourceMetadata: location }))).toBe(location);
  });

  it("reads it from a DPoP challenge offered beside a Bearer one without it", () => {
    const header = `Bearer realm="PhotoCloud API", ${dpopChallenge({ algs: ["ES256"], resourceMetadata: location })}`;
    expect(resourceMetadataLocation(header)).toBe(location);
  });

  it("finds none in a challenge without it, an empty header or none at all", () => {
    expect(resourceMetadataLocation('Bearer realm="PhotoCloud API", error="invalid_token"')).toBeNull();
    expect(resourceMetadataLocation("")).toBeNull();
    expect(resourceMetadataLocation(null)).toBeNull();
  });
});
