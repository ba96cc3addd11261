// Every check of the authorization server names, as its source, the file that exports it: the
// inspector links there, and a moved check must not leave its link behind.
import { CheckTrail, rfcSectionLabel } from "@seven-steps/protocol";
import { findExportedChecks } from "@seven-steps/protocol/exported-checks";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { validateClientMetadata } from "@/oauth/registration/validate";

const repository = path.resolve(import.meta.dirname, "../../..");

describe("the authorization server's checks", () => {
  it("each name the file that exports it, and cite an RFC section", async () => {
    const found = await findExportedChecks(repository, path.join(repository, "apps/authorization-server/src"), (file) => import(file));
    // Steps 1, 2 and 4 (request, sign-in, consent, client authentication, grants), registration
    // and introspection.
    expect(found.length).toBeGreaterThanOrEqual(29);
    for (const { file, exportName, check } of found) {
      expect(check.source, exportName).toBe(file);
      expect(check.checkedBy, exportName).toBe("authorization-server");
      expect(rfcSectionLabel(check.see), exportName).toMatch(/^RFC \d+ §[\d.]+$/);
    }
    expect(found.map(({ exportName }) => exportName)).toEqual(
      expect.arrayContaining([
        "checkPkce",
        "checkCodeVerifier",
        "authenticateClient",
        "passwordMatches",
        "csrfTokenOfSession",
        "checkAllowedScope",
        "checkConfidentialClient",
        "checkRedirectUris",
        "checkClientMayIntrospect",
      ]),
    );
  });
});

describe("a registration's checks", () => {
  it("run in order, and the one a bad redirect URI breaks is the last, refused", () => {
    const trail = new CheckTrail();
    expect(() => validateClientMetadata({ client_name: "Mallory's Prints", redirect_uris: ["http://evil.example/cb"] }, trail)).toThrow();
    expect(trail.runs.map((run) => [run.rule.split(" ")[0], run.outcome])).toEqual([
      ["client_name", "passed"],
      ["token_endpoint_auth_method", "passed"],
      ["grant_types", "passed"],
      ["response_types", "passed"],
      ["each", "refused"],
    ]);
    expect(trail.runs.at(-1)!.detail).toBe(
      "invalid_redirect_uri: redirect_uris[0] must use https; plain http is allowed only for localhost, 127.0.0.1 or [::1].",
    );
  });
});
