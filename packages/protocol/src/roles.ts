/**
 * The four protagonists of OAuth 2.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-1.1
 */
export const roles = ["user", "client", "authorization-server", "resource-server"] as const;

export type Role = (typeof roles)[number];
