import { describe, expect, it } from "vitest";
import { isDisplayFailure, missingDisplay } from "./display.ts";

describe("whether the demo can open a window", () => {
  it("needs DISPLAY or WAYLAND_DISPLAY on Linux", () => {
    expect(missingDisplay({}, "linux")).toContain("neither DISPLAY nor WAYLAND_DISPLAY is set");
    expect(missingDisplay({ DISPLAY: ":0" }, "linux")).toBeNull();
    expect(missingDisplay({ WAYLAND_DISPLAY: "wayland-0" }, "linux")).toBeNull();
    expect(missingDisplay({}, "darwin")).toBeNull();
  });

  it("recognises Chromium's failure to reach the display", () => {
    expect(isDisplayFailure(new Error("browserType.launch: Target page, context or browser has been closed\nMissing X server or $DISPLAY"))).toBe(true);
    expect(isDisplayFailure(new Error("ENOENT: /usr/bin/chromium"))).toBe(false);
  });
});
