// Every check of the PhotoCloud API names, as its source, the file that exports it: the inspector
// links there. (The token's own checks live in packages/protocol, and are tested there.)
import { findExportedChecks } from "@seven-steps/protocol/exported-checks";
import path from "node:path";
import { describe, expect, it } from "vitest";

const repository = path.resolve(import.meta.dirname, "../../..");

describe("the resource API's checks", () => {
  it("each name the file that exports it", async () => {
    const found = await findExportedChecks(repository, path.join(repository, "apps/resource-api/src"), (file) => import(file));
    expect(found.map(({ exportName }) => exportName)).toEqual(["checkAuthorizationHeader"]);
    for (const { file, check } of found) {
      expect(check.source).toBe(file);
      expect(check.checkedBy).toBe("resource-server");
    }
  });
});
