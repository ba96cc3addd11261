import { describe, expect, it } from "vitest";
import { z } from "zod";
import { EnvironmentError, httpBaseUrl, loadEnvironment } from "./env.ts";
import { plainHttpRoomOrigins, requireHttpsBeyondThisMachine, workshopHost } from "./workshop.ts";

const schema = z
  .object({
    ISSUER: httpBaseUrl.default("http://localhost:3001"),
    CLIENT_APP_URL: httpBaseUrl.default("http://localhost:3000"),
    WORKSHOP_HOST: workshopHost,
  })
  .superRefine(requireHttpsBeyondThisMachine);

const load = (source: Record<string, string>) => loadEnvironment("authorization-server", schema, source);

function refusal(source: Record<string, string>): string {
  try {
    load(source);
    return "";
  } catch (error) {
    expect(error).toBeInstanceOf(EnvironmentError);
    return (error as Error).message;
  }
}

describe("plain http beyond this machine", () => {
  it("is allowed on localhost and loopback addresses, and https anywhere", () => {
    expect(refusal({})).toBe("");
    expect(refusal({ ISSUER: "http://127.0.0.2:3001", CLIENT_APP_URL: "http://app.localhost:3000" })).toBe("");
    expect(refusal({ ISSUER: "https://photos.example", CLIENT_APP_URL: "https://prints.example" })).toBe("");
  });

  it("is refused on a LAN address outside workshop mode, naming the variable and the way out", () => {
    const message = refusal({ ISSUER: "http://192.168.1.20:3001" });
    expect(message).toContain("ISSUER: http://192.168.1.20:3001 is plain http on an address beyond this machine");
    expect(message).toContain("npm run workshop -- --host 192.168.1.20");
  });

  it("is allowed in workshop mode for the room's own address only", () => {
    expect(refusal({ WORKSHOP_HOST: "192.168.1.20", ISSUER: "http://192.168.1.20:3001", CLIENT_APP_URL: "http://192.168.1.20:3000" })).toBe("");
    expect(refusal({ WORKSHOP_HOST: "192.168.1.20", ISSUER: "http://10.0.0.9:3001" })).toContain("ISSUER: http://10.0.0.9:3001 is plain http");
  });

  it("WORKSHOP_HOST is a host, not a URL", () => {
    expect(refusal({ WORKSHOP_HOST: "http://192.168.1.20" })).toContain("WORKSHOP_HOST: must be a host name or an IP address");
  });
});

describe("plainHttpRoomOrigins, for the workshop banner", () => {
  it("lists the room's plain-http origins in workshop mode, and nothing outside it", () => {
    expect(plainHttpRoomOrigins({ ISSUER: "http://127.0.0.2:3001", CLIENT_APP_URL: "http://127.0.0.2:3000", WORKSHOP_HOST: "127.0.0.2" })).toEqual([
      "http://127.0.0.2:3001",
      "http://127.0.0.2:3000",
    ]);
    expect(plainHttpRoomOrigins({ ISSUER: "http://127.0.0.2:3001" })).toEqual([]);
  });
});
