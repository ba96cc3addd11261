import type { Role } from "@seven-steps/protocol";

/**
 * Where each app of the story listens when the demo runs on one machine. The user has no port: it
 * is the browser.
 */
export const demoPorts = {
  client: 3000,
  "authorization-server": 3001,
  "resource-server": 3002,
} as const satisfies Record<Exclude<Role, "user">, number>;

/**
 * Where Mallory's app, the attack lab's attacker, listens. She is no role of RFC 6749, so she has
 * a port of her own rather than a place among the four.
 */
export const attackerPort = 3003;

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

/** The cast: who plays each of the four roles of OAuth 2 in this project's story. */
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
    playedBy: `PrintShop, a photo-printing shop, on port ${demoPorts.client}`,
    summary: "Wants to reach the user's photos, and must ask for permission to do so.",
  },
  "authorization-server": {
    name: "Authorization Server",
    rfcName: "Authorization server",
    playedBy: `PhotoCloud Accounts, on port ${demoPorts["authorization-server"]}`,
    summary: "Signs the user in, asks for consent, and issues tokens to the client.",
  },
  "resource-server": {
    name: "Resource Server",
    rfcName: "Resource server",
    playedBy: `The PhotoCloud API, on port ${demoPorts["resource-server"]}`,
    summary: "Holds the photos and serves them to anyone presenting a valid access token.",
  },
};

/**
 * Mallory, the attacker of the attack lab: no role of RFC 6749, but the attacker of RFC 9700's
 * attacker model, drawn in a lane of her own by the inspector when she sends a message.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9700#section-3
 */
export const attackerDescription = {
  name: "Attacker",
  rfcName: "Attacker (RFC 9700 §3)",
  playedBy: "Mallory, with her look-alike shop Mallory's Prints, on port 3003",
  summary: "Wants alice's photos, or alice's uploads in her own account, and tries every trick in RFC 9700.",
} satisfies RoleDescription;
