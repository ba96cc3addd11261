import { describe, expect, it } from "vitest";
import { attackLabPages, attackRunOf as attackRunWithin, malloryUserAgent, senderOf as senderWithin } from "./sender.ts";

const labOrigins = new Set(["http://localhost:3003", "http://localhost:3000"]);
const attackRunOf = (request: Request) => attackRunWithin(request, labOrigins);
const senderOf = (request: Request, usual: "user" | "client") => senderWithin(request, usual, labOrigins);

function request(headers: Record<string, string>): Request {
  return new Request("http://localhost:3001/token", { headers });
}

describe("attackRunOf", () => {
  it("reads the run from Mallory's attack-run header", () => {
    expect(attackRunOf(request({ "attack-run": "run-1" }))).toBe("run-1");
  });

  it("reads the run from the attack-run parameter of the page that sent the browser here", () => {
    expect(attackRunOf(request({ referer: "http://localhost:3003/mallory/forged-callback?attack-run=run-2" }))).toBe("run-2");
    expect(attackRunOf(request({ referer: "http://localhost:3003/attacks/code-injection?attack-run=run-3" }))).toBe("run-3");
  });

  it("finds no run in a request without one, with an empty one, or with a Referer that is no URL", () => {
    expect(attackRunOf(request({}))).toBeUndefined();
    expect(attackRunOf(request({ referer: "http://localhost:3000/photos" }))).toBeUndefined();
    expect(attackRunOf(request({ "attack-run": "" }))).toBeUndefined();
    expect(attackRunOf(request({ referer: "not a url" }))).toBeUndefined();
  });

  it("takes a run from a Referer only at the lab's own origins, so a page elsewhere cannot plant one", () => {
    expect(attackRunOf(request({ referer: "http://localhost:3000/attack-lab/victim?attack-run=run-4" }))).toBe("run-4");
    expect(attackRunOf(request({ referer: "http://evil.example/mallory/x?attack-run=run-5" }))).toBeUndefined();
    expect(attackRunOf(request({ referer: "http://localhost:4000/?attack-run=run-6" }))).toBeUndefined();
  });
});

describe("senderOf", () => {
  it("names Mallory for her server's requests, by the attack-run header or by her User-Agent", () => {
    expect(senderOf(request({ "attack-run": "run-1" }), "client")).toBe("attacker");
    expect(senderOf(request({ "user-agent": malloryUserAgent }), "client")).toBe("attacker");
  });

  it("names Mallory for alice's browser pushed by one of Mallory's pages, known by its Referer", () => {
    expect(senderOf(request({ referer: "http://localhost:3003/mallory/forged-callback?attack-run=run-2" }), "user")).toBe("attacker");
  });

  it("keeps the usual sender for the lab's own page and for everyone else", () => {
    expect(senderOf(request({ referer: "http://localhost:3003/attacks/code-injection?attack-run=run-3" }), "user")).toBe("user");
    expect(senderOf(request({ referer: "http://localhost:3000/mallory-is-a-word-here/" }), "user")).toBe("user");
    expect(senderOf(request({ "user-agent": "Mozilla/5.0" }), "client")).toBe("client");
    expect(senderOf(request({ referer: "http://evil.example/mallory/forged-callback" }), "user")).toBe("user");
  });
});

describe("attackLabPages", () => {
  it("reads runs and senders against the origins of the configured URLs", () => {
    const lab = attackLabPages(["http://localhost:3003", "http://localhost:3000/"]);
    const pushed = request({ referer: "http://localhost:3003/mallory/catch?attack-run=run-7" });
    expect(lab.runOf(pushed)).toBe("run-7");
    expect(lab.senderOf(pushed, "user")).toBe("attacker");
    expect(lab.runOf(request({ referer: "http://localhost:3002/?attack-run=run-8" }))).toBeUndefined();
  });
});
