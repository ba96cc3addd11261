import { describe, expect, it } from "vitest";
import { BodyEncodingError, BodyTooLargeError, readBodyText } from "./body.ts";

function post(body: BodyInit, headers: Record<string, string> = {}): Request {
  return new Request("http://server.test/", { method: "POST", body, headers });
}

describe("readBodyText", () => {
  it("reads a body up to the limit", async () => {
    expect(await readBodyText(post("a".repeat(16)), 16)).toBe("a".repeat(16));
  });

  it("refuses a body one byte over the limit", async () => {
    await expect(readBodyText(post("a".repeat(17)), 16)).rejects.toBeInstanceOf(BodyTooLargeError);
  });

  it("refuses a declared Content-Length over the limit before reading", async () => {
    await expect(readBodyText(post("small", { "content-length": "999999" }), 16)).rejects.toBeInstanceOf(BodyTooLargeError);
  });

  it("refuses bytes that are not UTF-8", async () => {
    await expect(readBodyText(post(new Uint8Array([0xff, 0xfe])), 16)).rejects.toBeInstanceOf(BodyEncodingError);
  });

  it("reads multi-byte characters", async () => {
    expect(await readBodyText(post("café"), 16)).toBe("café");
  });

  it("reads an absent body as empty", async () => {
    expect(await readBodyText(new Request("http://server.test/"), 16)).toBe("");
  });
});
