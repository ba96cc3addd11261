import { describe, expect, it } from "vitest";
import { z } from "zod";
import { attackLabWeakening, refuseWeakeningInProduction } from "./attack-lab.ts";
import { EnvironmentError, httpBaseUrl, loadEnvironment } from "./env.ts";

const flag = (fallback: "true" | "false") =>
  z
    .enum(["true", "false"])
    .default(fallback)
    .transform((value) => value === "true");

// Shaped like the authorization server's schema, the app with the most to check.
const schema = z
  .object({
    ISSUER: httpBaseUrl.default("http://localhost:3001"),
    CLIENT_APP_URL: httpBaseUrl.default("http://localhost:3000"),
    RESOURCE_API_URL: httpBaseUrl.default("http://localhost:3002"),
    DEMO_MODE: flag("true"),
    RECORD_PROTOCOL_MESSAGES: flag("true"),
    ATTACK_LAB_WEAKENING: attackLabWeakening,
    WORKSHOP_HOST: z.string().optional(),
  })
  .superRefine(refuseWeakeningInProduction);

const load = (source: Record<string, string>) => loadEnvironment("authorization-server", schema, source);

/** The message the app stops with, or "" when it starts. */
function refusal(source: Record<string, string>): string {
  try {
    load(source);
    return "";
  } catch (error) {
    expect(error).toBeInstanceOf(EnvironmentError);
    return (error as Error).message;
  }
}

describe("ATTACK_LAB_WEAKENING", () => {
  it("is off by default, and accepts only true or false", () => {
    expect(load({}).ATTACK_LAB_WEAKENING).toBe(false);
    expect(load({ ATTACK_LAB_WEAKENING: "false", ISSUER: "https://photos.example" }).ATTACK_LAB_WEAKENING).toBe(false);
    expect(refusal({ ATTACK_LAB_WEAKENING: "yes" })).toContain('ATTACK_LAB_WEAKENING: must be true or false (got "yes")');
  });

  it("is allowed for the demo on this machine, on localhost or a loopback address", () => {
    expect(load({ ATTACK_LAB_WEAKENING: "true" }).ATTACK_LAB_WEAKENING).toBe(true);
    const elsewhere = { ISSUER: "http://127.0.0.1:5211", CLIENT_APP_URL: "http://[::1]:5210", RESOURCE_API_URL: "http://api.localhost:5212" };
    expect(load({ ATTACK_LAB_WEAKENING: "true", ...elsewhere }).ATTACK_LAB_WEAKENING).toBe(true);
  });

  it("is refused when a public URL is served over https, naming the variable and why", () => {
    expect(refusal({ ATTACK_LAB_WEAKENING: "true", ISSUER: "https://localhost:3001" })).toBe(
      "authorization-server cannot start, its configuration is invalid:\n" +
        "  ATTACK_LAB_WEAKENING: switches defences off and is refused where the configuration says production: " +
        'ISSUER is https://localhost:3001, served over https (got "true")',
    );
  });

  it("is refused when a public URL names another host than this machine, and shows no password the URL holds", () => {
    const message = refusal({ ATTACK_LAB_WEAKENING: "true", CLIENT_APP_URL: "http://printshop:hunter2@printshop.example" });
    expect(message).toContain("CLIENT_APP_URL is http://printshop.example, not on localhost or a loopback address");
    expect(message).not.toContain("hunter2");
    expect(refusal({ ATTACK_LAB_WEAKENING: "true", RESOURCE_API_URL: "http://10.0.0.7:3002" })).toContain(
      "RESOURCE_API_URL is http://10.0.0.7:3002, not on localhost or a loopback address",
    );
  });

  it("is refused in workshop mode, where a room of attendees shares the server", () => {
    expect(refusal({ ATTACK_LAB_WEAKENING: "true", WORKSHOP_HOST: "127.0.0.2", ISSUER: "http://127.0.0.2:3001" })).toContain(
      "WORKSHOP_HOST is set: a room of attendees shares this server",
    );
  });

  it("is refused when demo mode is off", () => {
    expect(refusal({ ATTACK_LAB_WEAKENING: "true", DEMO_MODE: "false" })).toContain("production: DEMO_MODE is false");
  });

  it("is refused when the inspector's recording is off", () => {
    expect(refusal({ ATTACK_LAB_WEAKENING: "true", RECORD_PROTOCOL_MESSAGES: "false" })).toContain(
      "production: RECORD_PROTOCOL_MESSAGES is false",
    );
  });

  it("names every sign of production at once", () => {
    expect(refusal({ ATTACK_LAB_WEAKENING: "true", ISSUER: "https://accounts.photos.example", DEMO_MODE: "false" })).toContain(
      "production: ISSUER is https://accounts.photos.example, served over https; DEMO_MODE is false",
    );
  });

  it("reads the attacker's address too, in the apps that know it", () => {
    const attacker = z
      .object({ ATTACKER_URL: httpBaseUrl.default("http://localhost:3003"), ATTACK_LAB_WEAKENING: attackLabWeakening })
      .superRefine(refuseWeakeningInProduction);
    expect(loadEnvironment("attacker", attacker, { ATTACK_LAB_WEAKENING: "true" }).ATTACK_LAB_WEAKENING).toBe(true);
    expect(() => loadEnvironment("attacker", attacker, { ATTACK_LAB_WEAKENING: "true", ATTACKER_URL: "https://mallory.example" })).toThrow(
      /ATTACKER_URL is https:\/\/mallory\.example, served over https/,
    );
  });
});
