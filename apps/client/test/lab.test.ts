// The lab's own helpers: the curl commands a learner copies must run as they are shown.
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { curlCommand, quoteForShell } from "@/lab/curl";
import { maskSecret } from "@/lab/mask-secret";

describe("quoteForShell", () => {
  it.each(["plain", "with space", "it's", "a'b'c", "$HOME `x` \\n !", ""])("gives back %j unchanged through a POSIX shell", (value) => {
    expect(execFileSync("sh", ["-c", `printf %s ${quoteForShell(value)}`], { encoding: "utf8" })).toBe(value);
  });
});

describe("curlCommand", () => {
  it("writes a GET with its headers", () => {
    expect(curlCommand({ method: "GET", url: "http://localhost:3002/photos", headers: { Authorization: "Bearer eyJ.a.b" } })).toBe(
      "curl -i 'http://localhost:3002/photos' \\\n  -H 'Authorization: Bearer eyJ.a.b'",
    );
  });

  it("writes a form POST with --data-raw and no -X, since curl posts a body by itself", () => {
    const command = curlCommand({
      method: "POST",
      url: "http://localhost:3001/token",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "grant_type=authorization_code&code=abc",
    });
    expect(command).toBe(
      "curl -i 'http://localhost:3001/token' \\\n  -H 'Content-Type: application/x-www-form-urlencoded' \\\n  --data-raw 'grant_type=authorization_code&code=abc'",
    );
  });
});

describe("maskSecret", () => {
  it("shows the first four characters of a refresh token, then an ellipsis", () => {
    expect(maskSecret("2Tj7x9vQ-long-refresh-token")).toBe("2Tj7…");
  });
});
