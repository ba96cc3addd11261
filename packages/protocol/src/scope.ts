/**
 * Scope syntax of RFC 6749 §3.3:
 *
 *     scope       = scope-token *( SP scope-token )
 *     scope-token = 1*( %x21 / %x23-5B / %x5D-7E )
 *
 * Tokens are case-sensitive, separated by exactly one space, and their order does not matter.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-3.3
 */
const scopeTokenPattern = /^[\x21\x23-\x5B\x5D-\x7E]+$/;

/** Raised when a scope string breaks the syntax of RFC 6749 §3.3. */
export class ScopeSyntaxError extends Error {
  override readonly name = "ScopeSyntaxError";
  readonly code = "invalid_scope_syntax";
}

/**
 * Whether a single scope token is well formed.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-3.3
 */
export function isScopeToken(value: string): boolean {
  return scopeTokenPattern.test(value);
}

/**
 * Splits a `scope` parameter into its tokens, without duplicates, keeping their first order.
 * An empty string means no scope at all. Anything else that breaks the grammar is rejected:
 * leading, trailing or double spaces, tabs, quotes and backslashes, or non-ASCII characters.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-3.3
 */
export function parseScope(value: string): string[] {
  if (value === "") return [];
  const tokens = value.split(" ");
  const bad = tokens.find((token) => !isScopeToken(token));
  if (bad !== undefined) {
    throw new ScopeSyntaxError(
      bad === ""
        ? "Scope values must be separated by exactly one space, with none at the start or the end."
        : `The scope value "${bad}" contains a character that RFC 6749 §3.3 does not allow.`,
    );
  }
  return [...new Set(tokens)];
}

/**
 * Joins scope tokens into a `scope` parameter, dropping duplicates.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-3.3
 */
export function formatScope(scopes: Iterable<string>): string {
  const unique = [...new Set(scopes)];
  const bad = unique.find((token) => !isScopeToken(token));
  if (bad !== undefined) throw new ScopeSyntaxError(`"${bad}" is not a valid scope token.`);
  return unique.join(" ");
}

/** Whether every scope in `requested` is also in `allowed`. */
export function isScopeSubset(requested: Iterable<string>, allowed: Iterable<string>): boolean {
  const permitted = new Set(allowed);
  for (const scope of requested) {
    if (!permitted.has(scope)) return false;
  }
  return true;
}

/** The scopes of `requested` that are missing from `allowed`. */
export function missingScopes(requested: Iterable<string>, allowed: Iterable<string>): string[] {
  const permitted = new Set(allowed);
  return [...new Set(requested)].filter((scope) => !permitted.has(scope));
}
