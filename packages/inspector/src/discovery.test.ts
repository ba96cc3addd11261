import { describe, expect, it } from "vitest";
import { discoveryRun, discoveryWindowMilliseconds, type DiscoveryMessage } from "./discovery.ts";

const start = new Date("2026-12-05T08:00:00Z");
const before = (seconds: number) => new Date(start.getTime() - seconds * 1000);
const message = (id: string, kind: string, secondsBefore: number): DiscoveryMessage => ({ id, kind, createdAt: before(secondsBefore) });

describe("the step-0 heuristic (discoveryRun)", () => {
  it("takes the call without a token, the API's metadata and the server's metadata, in order", () => {
    const messages = [
      message("as", "authorization-server-metadata", 10),
      message("401", "resource-challenge", 30),
      message("prm", "resource-metadata", 20),
    ];
    expect(discoveryRun(messages, start)).toEqual(["401", "prm", "as"]);
  });

  it("begins at the latest call without a token: an earlier run from the same browser is left out", () => {
    const messages = [
      message("old-401", "resource-challenge", 100),
      message("old-prm", "resource-metadata", 95),
      message("401", "resource-challenge", 20),
      message("prm", "resource-metadata", 15),
      message("as", "authorization-server-metadata", 10),
    ];
    expect(discoveryRun(messages, start)).toEqual(["401", "prm", "as"]);
  });

  it("begins at the API's metadata for a client that fetched it without calling the API first", () => {
    expect(discoveryRun([message("prm", "resource-metadata", 20), message("as", "authorization-server-metadata", 10)], start)).toEqual([
      "prm",
      "as",
    ]);
  });

  it("takes nothing for a read of the server's metadata alone: every client does that before step 1", () => {
    expect(discoveryRun([message("as", "authorization-server-metadata", 5)], start)).toEqual([]);
  });

  it("takes nothing older than the window, and nothing sent after the flow started", () => {
    const window = discoveryWindowMilliseconds / 1000;
    expect(discoveryRun([message("401", "resource-challenge", window + 1), message("as", "authorization-server-metadata", 5)], start)).toEqual([]);
    expect(discoveryRun([message("401", "resource-challenge", window), message("later", "resource-metadata", -1)], start)).toEqual(["401"]);
  });
});
