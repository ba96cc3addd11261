// Every check of the authorization server names, as its source, the file that exports it: the
// inspector links there, and a moved check must not leave its link behind.
import { rfcSectionLabel } from "@seven-steps/protocol";
import { findExportedChecks } from "@seven-steps/protocol/exported-checks";
import path from "node:path";
import { describe, expect, it } from "vitest";

const repository = path.resolve(import.meta.dirname, "../../..");

describe("the authorization server's checks", () => {
  it("each name the file that exports it, and cite an RFC section", async () => {
    const found = await findExportedChecks(repository, path.join(repository, "apps/authorization-server/src"), (file) => import(file));
    // The checks of steps 1, 2 and 4: request, sign-in, consent, client authentication and grants.
    expect(found.length).toBeGreaterThanOrEqual(20);
    for (const { file, exportName, check } of found) {
      expect(check.source, exportName).toBe(file);
      expect(check.checkedBy, exportName).toBe("authorization-server");
      expect(rfcSectionLabel(check.see), exportName).toMatch(/^RFC \d+ §[\d.]+$/);
    }
    expect(found.map(({ exportName }) => exportName)).toEqual(
      expect.arrayContaining(["checkPkce", "checkCodeVerifier", "authenticateClient", "passwordMatches", "csrfTokenOfSession"]),
    );
  });
});
