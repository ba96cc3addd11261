/**
 * The parameters of a `WWW-Authenticate: Bearer` challenge, as a client reads them to learn why a
 * resource server refused its token: `realm`, `error`, `error_description`, `scope`.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-3
 */
export function parseBearerChallenge(header: string | null): Record<string, string> | null {
  if (!header || !/^bearer\b/i.test(header.trim())) return null;
  const parameters: Record<string, string> = {};
  for (const match of header.matchAll(/([a-z_]+)="([^"]*)"/gi)) {
    const [, name, value] = match;
    if (name && value !== undefined) parameters[name.toLowerCase()] = value;
  }
  return parameters;
}
