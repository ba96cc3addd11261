import { describe, expect, it } from "vitest";
import { dashboardUrl, joinLink, workshopEnvironment, type WorkshopPlace } from "./layout.ts";

const secrets = { nextAuthSecret: "n".repeat(43), dpopNonceSecret: "d".repeat(43) };

describe("a workshop's apps", () => {
  it("are told that this is a workshop, and where each of them is, at the room's address", () => {
    const place: WorkshopPlace = { room: { listen: "192.168.1.20", urlHost: "192.168.1.20", loopback: false }, portBase: 3000 };
    expect(workshopEnvironment(place, secrets)).toEqual({
      WORKSHOP_HOST: "192.168.1.20",
      DEMO_MODE: "false",
      TOKEN_VALIDATION: "introspection",
      ISSUER: "http://192.168.1.20:3001",
      AUTHORIZATION_SERVER_ISSUER: "http://192.168.1.20:3001",
      RESOURCE_API_URL: "http://192.168.1.20:3002",
      CLIENT_APP_URL: "http://192.168.1.20:3000",
      ATTACKER_URL: "http://192.168.1.20:3003",
      NEXTAUTH_SECRET: secrets.nextAuthSecret,
      DPOP_NONCE_SECRET: secrets.dpopNonceSecret,
    });
  });

  it("name an IPv6 room in brackets, as a URL's host is written and WORKSHOP_HOST is compared", () => {
    const place: WorkshopPlace = { room: { listen: "2001:db8::20", urlHost: "[2001:db8::20]", loopback: false }, portBase: 4100 };
    expect(workshopEnvironment(place, secrets)).toMatchObject({ WORKSHOP_HOST: "[2001:db8::20]", ISSUER: "http://[2001:db8::20]:4101" });
    expect(new URL(workshopEnvironment(place, secrets).ISSUER!).hostname).toBe("[2001:db8::20]");
    expect(joinLink(place, "k7m2-q9xp")).toBe("http://[2001:db8::20]:4101/workshop/join?code=k7m2-q9xp");
    expect(dashboardUrl(place)).toBe("http://[2001:db8::20]:4101/workshop/room");
  });
});
