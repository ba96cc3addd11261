/**
 * The four protagonists of OAuth 2.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-1.1
 */
export const roles = ["user", "client", "authorization-server", "resource-server"] as const;

export type Role = (typeof roles)[number];

export interface RoleDescription {
  /** The role's name in RFC 6749 and in the article's diagram. */
  name: string;
  /** The RFC's own name for the role, where it differs. */
  rfcName: string;
  /** Who plays the role in this project's story. */
  playedBy: string;
  /** What the role does, in one sentence. */
  summary: string;
}

export const roleDescriptions: Record<Role, RoleDescription> = {
  user: {
    name: "User",
    rfcName: "Resource owner",
    playedBy: "You, in a web browser",
    summary: "Owns the photos and decides whether the client may read them.",
  },
  client: {
    name: "Client",
    rfcName: "Client",
    playedBy: "PrintShop, a photo-printing shop, on port 3000",
    summary: "Wants to reach the user's photos, and must ask for permission to do so.",
  },
  "authorization-server": {
    name: "Authorization Server",
    rfcName: "Authorization server",
    playedBy: "PhotoCloud Accounts, on port 3001",
    summary: "Signs the user in, asks for consent, and issues tokens to the client.",
  },
  "resource-server": {
    name: "Resource Server",
    rfcName: "Resource server",
    playedBy: "The PhotoCloud API, on port 3002",
    summary: "Holds the photos and serves them to anyone presenting a valid access token.",
  },
};
