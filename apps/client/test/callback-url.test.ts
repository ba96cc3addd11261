import { describe, expect, it } from "vitest";
import { isOnThisSite, redirectOnThisSite } from "@/auth/callback-url";
import { env } from "@/env";

const baseUrl = env.CLIENT_APP_URL;

describe("where PrintShop lets next-auth send the user", () => {
  it("accepts paths and absolute URLs of this site", () => {
    expect(isOnThisSite("/photos")).toBe(true);
    expect(isOnThisSite(`${baseUrl}/photos?page=2`)).toBe(true);
  });

  it("refuses other sites, protocol-relative paths and strings that are not URLs", () => {
    for (const url of ["https://evil.example/photos", "//evil.example", "/\\evil.example", "\uFEFF", "javascript:alert(1)", ""]) {
      expect(isOnThisSite(url), url).toBe(false);
    }
  });

  it("redirects to the address when it is on this site, to the home page otherwise, and never throws", () => {
    expect(redirectOnThisSite({ url: "/photos", baseUrl })).toBe(`${baseUrl}/photos`);
    expect(redirectOnThisSite({ url: `${baseUrl}/lab`, baseUrl })).toBe(`${baseUrl}/lab`);
    expect(redirectOnThisSite({ url: "https://evil.example/", baseUrl })).toBe(baseUrl);
    expect(redirectOnThisSite({ url: "\uFEFF", baseUrl })).toBe(baseUrl);
  });
});
