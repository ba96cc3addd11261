import { describe, expect, it } from "vitest";
import { attackRunOf, malloryUserAgent, senderOf } from "./sender.ts";

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
  });
});
