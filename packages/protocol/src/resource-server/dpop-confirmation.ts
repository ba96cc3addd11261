/**
 * Whether a `cnf` claim (or introspection member) is the confirmation of a DPoP-bound token: an
 * object whose `jkt` is a JWK SHA-256 thumbprint, 43 base64url characters.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9449#section-6
 */
export function isDpopConfirmation(value: unknown): value is { jkt: string } {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const { jkt } = value as { jkt?: unknown };
  return typeof jkt === "string" && /^[\w-]{43}$/.test(jkt);
}
