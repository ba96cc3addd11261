import { describe, expect, it } from "vitest";
import { themeAttribute } from "./theme.ts";

describe("the theme a cookie asks for", () => {
  it("is light or dark when it says so", () => {
    expect(themeAttribute("light")).toBe("light");
    expect(themeAttribute("dark")).toBe("dark");
  });

  it("is none, the system's preference, for no cookie, System, or anything else it may hold", () => {
    for (const value of [undefined, "", "system", "Dark", "dark ", '"><script>', "light;dark"]) expect(themeAttribute(value)).toBeUndefined();
  });
});
