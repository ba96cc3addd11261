import { describe, expect, it } from "vitest";
import { mediaType } from "./media-type.ts";

describe("mediaType", () => {
  it("drops the parameters and the case", () => {
    expect(mediaType(new Headers({ "content-type": " Application/X-WWW-Form-URLencoded ; charset=UTF-8" }))).toBe(
      "application/x-www-form-urlencoded",
    );
  });

  it("reads a bare media type as it is", () => {
    expect(mediaType(new Headers({ "content-type": "application/json" }))).toBe("application/json");
  });

  it("is undefined without a Content-Type", () => {
    expect(mediaType(new Headers())).toBeUndefined();
  });
});
