// Every check of PrintShop names, as its source, the file that exports it: the inspector and the
// attack lab link there. (The lab's checks of responses live in packages/protocol, tested there.)
import { findExportedChecks } from "@seven-steps/protocol/exported-checks";
import path from "node:path";
import { describe, expect, it } from "vitest";

const repository = path.resolve(import.meta.dirname, "../../..");

describe("PrintShop's checks", () => {
  it("each name the file that exports it", async () => {
    const found = await findExportedChecks(repository, path.join(repository, "apps/client/src"), (file) => import(file));
    expect(found.map(({ exportName }) => exportName)).toEqual(["callbackBelongsToThisBrowser"]);
    for (const { file, check } of found) {
      expect(check.source).toBe(file);
      expect(check.checkedBy).toBe("client");
    }
  });
});
