import { defineCheck, rfcSection } from "../checks/check.ts";
import { missingScopes } from "../scope.ts";
import { InsufficientScope } from "./errors.ts";

/**
 * Every scope the request needs is among those the token carries; otherwise `insufficient_scope`,
 * with a 403 that names the scopes needed. The same rule whether the token was verified here or
 * introspected.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-3.1
 */
export const checkRequiredScopes = defineCheck(
  {
    checkedBy: "resource-server",
    rule: "the token's scope covers what this request needs",
    why: "The client reaches only what the user allowed: a token for reading photos cannot delete them.",
    see: rfcSection(6750, "3.1"),
    source: "packages/protocol/src/resource-server/required-scope.ts",
  },
  (granted: readonly string[], required: readonly string[]): void => {
    if (missingScopes(required, granted).length > 0) throw new InsufficientScope(required);
  },
);
