// The URL a DPoP proof's htu must name (RFC 9449 §4.3, §7.1): the API's configured address plus
// the path, whatever Host the request came with, and with a path prefix a proxy strips kept.
import { describe, expect, it } from "vitest";
import { publicUrlOf } from "@/http/public-url";

describe("publicUrlOf", () => {
  it("is the configured identifier plus the path, without the query, whatever the Host", () => {
    const request = new Request("http://10.0.0.5:3102/photos/42?size=large", { headers: { host: "evil.example" } });
    expect(publicUrlOf(request, "http://localhost:3002")).toBe("http://localhost:3002/photos/42");
  });

  it("keeps a path prefix of the identifier, which a proxy in front strips before the app sees the request", () => {
    expect(publicUrlOf(new Request("http://127.0.0.1:3002/photos"), "https://api.example/photocloud")).toBe("https://api.example/photocloud/photos");
  });

  it("defaults to RESOURCE_API_URL", () => {
    expect(publicUrlOf(new Request("http://127.0.0.1:9999/me"))).toBe("http://localhost:3002/me");
  });
});
