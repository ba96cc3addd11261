import { describe, expect, it } from "vitest";
import { concatList, RecordingError, sideBySideFilter } from "./ffmpeg.ts";

describe("the recording's frames, for ffmpeg", () => {
  it("shows each frame until the next, the first from the start, and names the last twice", () => {
    const list = concatList(
      [
        { file: "/f/a.jpg", at: 1_500 },
        { file: "/f/b.jpg", at: 2_000 },
        { file: "/f/c'd.jpg", at: 3_250 },
      ],
      1_000,
      4_000,
    );
    expect(list).toBe(
      [
        "ffconcat version 1.0",
        "file '/f/a.jpg'",
        "duration 1.000",
        "file '/f/b.jpg'",
        "duration 1.250",
        "file '/f/c'\\''d.jpg'",
        "duration 0.750",
        "file '/f/c'\\''d.jpg'",
        "",
      ].join("\n"),
    );
  });

  it("refuses a window that painted nothing", () => {
    expect(() => concatList([], 0, 1)).toThrow(RecordingError);
  });

  it("fits each window into its box and puts them side by side", () => {
    const filter = sideBySideFilter(2, { width: 960, height: 760 });
    expect(filter).toContain("[0:v]scale=960:760:force_original_aspect_ratio=decrease");
    expect(filter).toContain("[1:v]scale=960:760");
    expect(filter).toMatch(/\[box0\]\[box1\]hstack=inputs=2\[out\]$/);
    expect(sideBySideFilter(1, { width: 960, height: 760 })).toMatch(/\[box0\]null\[out\]$/);
  });
});
