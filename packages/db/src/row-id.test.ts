import { describe, expect, it } from "vitest";
import { newRowId } from "./row-id.ts";

const uuidVersion7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("newRowId", () => {
  it("makes UUIDs of version 7, and no two alike", () => {
    const ids = Array.from({ length: 1_000 }, newRowId);
    for (const id of ids) expect(id).toMatch(uuidVersion7);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("orders ids by the time they were made, so new rows go to the end of an index", async () => {
    const earlier = newRowId();
    await new Promise((resolve) => setTimeout(resolve, 5));
    const later = newRowId();
    expect([later, earlier].sort()).toEqual([earlier, later]);
  });
});
