import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// The attacker's configuration points at a local server standing in for the authorization server.
let received: IncomingHttpHeaders | undefined;
const server = createServer((request, response) => {
  received = request.headers;
  response.end("{}");
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  process.env.ISSUER = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // A port that was free a moment ago, and that nothing listens on now.
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
  process.env.RESOURCE_API_URL = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
  await new Promise<void>((resolve) => closed.close(() => resolve()));
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("Mallory's HTTP client", () => {
  it("sends the run id and her user-agent, and the defence switched off for a weakened run", async () => {
    const { Mallory, malloryUserAgent } = await import("@/mallory/http");
    await new Mallory("run-0123456789abcdefghijkl", "audience").fetch(`${process.env.ISSUER}/token`);
    expect(received?.["attack-run"]).toBe("run-0123456789abcdefghijkl");
    expect(received?.["user-agent"]).toBe(malloryUserAgent);
    expect(received?.["attack-lab-weaken"]).toBe("audience");
  });

  it("sends no switch for a run with its defence on", async () => {
    const { Mallory } = await import("@/mallory/http");
    await new Mallory("run-0123456789abcdefghijkl").fetch(`${process.env.ISSUER}/token`);
    expect(received?.["attack-lab-weaken"]).toBeUndefined();
  });

  it("refuses any address outside the configured apps, before sending anything", async () => {
    const { Mallory, OutsideTheLab } = await import("@/mallory/http");
    received = undefined;
    await expect(new Mallory("run-0123456789abcdefghijkl").fetch("http://example.com/")).rejects.toBeInstanceOf(OutsideTheLab);
    expect(received).toBeUndefined();
  });

  it("names the app that does not answer", async () => {
    const { Mallory, TargetDown } = await import("@/mallory/http");
    const { env } = await import("@/env");
    const error = await new Mallory("run-0123456789abcdefghijkl").fetch(`${env.RESOURCE_API_URL}/photos`).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TargetDown);
    expect((error as Error).message).toBe(`The PhotoCloud API at ${env.RESOURCE_API_URL} is not answering. Start it (npm run dev) and run the attack again.`);
  });
});
