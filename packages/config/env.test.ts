import { describe, expect, it } from "vitest";
import { z } from "zod";
import { EnvironmentError, httpBaseUrl, loadEnvironment } from "./env.ts";

const schema = z.object({
  ISSUER: z.url({ message: "must be an absolute URL" }),
  PORT: z.coerce.number().int().default(3001),
});

describe("loadEnvironment", () => {
  it("returns the parsed values, with defaults", () => {
    expect(loadEnvironment("demo", schema, { ISSUER: "http://localhost:3001" })).toEqual({
      ISSUER: "http://localhost:3001",
      PORT: 3001,
    });
  });

  it("names the app, the variable and the reason when a value is bad", () => {
    expect(() => loadEnvironment("authorization-server", schema, { ISSUER: "localhost" })).toThrow(
      new EnvironmentError(
        'authorization-server cannot start, its configuration is invalid:\n  ISSUER: must be an absolute URL (got "localhost")',
      ),
    );
  });

  it("says when a required variable is missing", () => {
    expect(() => loadEnvironment("client", schema, {})).toThrow(/ {2}ISSUER: .* \(it is not set\)/);
  });
});

describe("httpBaseUrl", () => {
  it.each(["http://localhost:3001", "https://auth.example.com", "https://example.com/oauth"])("accepts %s", (url) => {
    expect(httpBaseUrl.safeParse(url).success).toBe(true);
  });

  it.each(["localhost:3001", "http://localhost:3001/", "https://example.com/?x=1", "https://example.com#top", "ftp://example.com"])(
    "rejects %s",
    (url) => {
      expect(httpBaseUrl.safeParse(url).success).toBe(false);
    },
  );
});
