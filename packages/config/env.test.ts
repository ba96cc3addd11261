import { describe, expect, it } from "vitest";
import { z } from "zod";
import { EnvironmentError, httpBaseUrl, loadEnvironment, secret } from "./env.ts";

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

describe("loadEnvironment and secrets", () => {
  const withSecrets = z.object({
    NEXTAUTH_SECRET: secret(z.string().min(32, "must be at least 32 characters").optional()),
    CLIENT_SECRET: secret(z.string().min(1, "must not be empty").default("demo")),
    DATABASE_URL: z.string().startsWith("file:", "must be a SQLite file: URL"),
  });

  it("names a bad secret and why, and never prints its value", () => {
    const value = "a-secret-of-31-characters-xxxxx";
    expect(value).toHaveLength(31);
    let message = "";
    try {
      loadEnvironment("client", withSecrets, { NEXTAUTH_SECRET: value, DATABASE_URL: "file:x.db" });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain("NEXTAUTH_SECRET: must be at least 32 characters (the value is not shown: it is a secret)");
    expect(message).not.toContain(value);
  });

  it("never prints a secret, even an empty one", () => {
    expect(() => loadEnvironment("client", withSecrets, { CLIENT_SECRET: "", DATABASE_URL: "file:x.db" })).toThrow(
      /CLIENT_SECRET: must not be empty \(the value is not shown: it is a secret\)/,
    );
  });

  it("treats a variable named like a secret as one, even when its schema is not marked", () => {
    const schema = z.object({ PAYMENT_API_TOKEN: z.string().min(20, "must be at least 20 characters") });
    let message = "";
    try {
      loadEnvironment("shop", schema, { PAYMENT_API_TOKEN: "tok_live_short" });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain("PAYMENT_API_TOKEN: must be at least 20 characters (the value is not shown: it is a secret)");
    expect(message).not.toContain("tok_live_short");
  });

  it("prints a URL without the password it carries", () => {
    let message = "";
    try {
      loadEnvironment("client", withSecrets, { DATABASE_URL: "postgresql://app:hunter2-password@db.example:5432/photos" });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain("DATABASE_URL: must be a SQLite file: URL");
    expect(message).toContain("db.example");
    expect(message).not.toContain("hunter2-password");
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
