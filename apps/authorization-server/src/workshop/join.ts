import { Prisma } from "@seven-steps/db";
import type { TokenEndpointAuthMethod } from "@seven-steps/protocol";
import { randomUUID } from "node:crypto";
import { hashPassword } from "@/secrets/password-hash";
import { generateSecret, hashSecret } from "@/secrets/secret-hash";
import { prepareSession } from "@/session/session";
import { findUsernamesLike } from "@/storage/users";
import { isDisplayNameTaken, storeNewAttendee } from "@/storage/workshop-attendees";
import type { findRoom } from "@/storage/workshop-room";
import { checkNotBlocked, countFailure, type Throttle } from "@/throttling/throttle";
import { generatePassword, sealJoinCredentials } from "./credentials.ts";
import { checkDisplayName, displayNameRefusals, foldDisplayName, usernameBaseOf } from "./display-name.ts";
import { instructorDisplayName } from "./setup.ts";
import { isRoomCode } from "./workshop-code.ts";

/**
 * Joining the workshop: a person who has the workshop code picks a display name and gets their
 * own PhotoCloud account and their own registered client, so that nobody in the room shares the
 * demo accounts (whose sign-in twenty people's typos would pause for everyone) and the instructor
 * can tell each attendee's traffic apart.
 */

type Room = NonNullable<Awaited<ReturnType<typeof findRoom>>>;

/**
 * The port of the attendee's own program on their laptop, when they keep the form's value: the
 * redirect URI of their client is then `http://localhost:3333/callback`. Chosen to be free on
 * most laptops, and apart from this project's own ports (3000 to 3003).
 */
export const defaultLaptopPort = 3333;

/**
 * The redirect URI of an attendee's client: their own laptop, over plain http, which RFC 8252
 * allows for loopback redirects because the request never leaves the machine. The exercise's
 * program listens there for the authorization response.
 *
 * @see https://www.rfc-editor.org/rfc/rfc8252#section-7.3
 */
export function redirectUriFor(port: number | "<port>"): string {
  return `http://localhost:${port}/callback`;
}

/** What an attendee's client may ask for: their profile and their photos, read only. */
export const attendeeClientScopes = ["profile", "photos:read"];

/** How an attendee's client authenticates at the token endpoint: its secret, with HTTP Basic (RFC 6749 §2.3.1). */
export const attendeeClientAuthMethod = "client_secret_basic" satisfies TokenEndpointAuthMethod;

/** The join form as typed, named as its fields are. */
export interface JoinForm {
  code: string;
  display_name: string;
  port: string;
}

export type JoinField = keyof JoinForm;

export type JoinOutcome =
  | { outcome: "joined"; credentialsPageId: string; sessionCookie: string }
  | { outcome: "refused"; field: JoinField; message: string }
  | { outcome: "throttled"; retryAfterSeconds: number };

/**
 * Wrong workshop codes are counted per address: a passer-by guessing codes is stopped after ten
 * tries in a quarter of an hour, for a minute and then longer, while the rest of the room, at
 * other addresses, joins as usual. A right code never waits: the code is compared as a SHA-256
 * hash, in microseconds, so nothing is counted in advance (throttling/throttle.ts).
 */
function codeThrottle(address: string): Throttle {
  return { key: `workshop-code@${address}`, policy: { maxFailures: 10, windowSeconds: 15 * 60, blockSeconds: 60 } };
}

export const codeMessages = {
  missing: "Enter the workshop code: it is on the instructor's screen, and in the join link.",
  wrong: "This is not the workshop code. Check it, or ask the instructor for the join link.",
  wrongAfterReset:
    "This workshop code is no longer valid: the room was reset or the code is wrong. Ask the instructor for the current join link.",
};

export const portMessage = "The port is a whole number from 1024 to 65535: the one your program listens on at http://localhost:<port>/callback.";

export type CodeCheck = { outcome: "right" } | { outcome: "refused"; message: string } | { outcome: "throttled"; retryAfterSeconds: number };

/**
 * Checks a workshop code from `address`: refused while the address is paused, counted when
 * wrong. The message after a reset names the reset, since an old join link is the likeliest
 * wrong code then.
 */
export async function checkJoinCode(room: Room, code: string, address: string, now = new Date()): Promise<CodeCheck> {
  const throttle = codeThrottle(address);
  const allowed = await checkNotBlocked([throttle], now);
  if (!allowed.allowed) return { outcome: "throttled", retryAfterSeconds: allowed.retryAfterSeconds };
  if (code.trim() === "") return { outcome: "refused", message: codeMessages.missing };
  if (isRoomCode(room, code)) return { outcome: "right" };
  await countFailure([throttle], now);
  return { outcome: "refused", message: room.resetAt === null ? codeMessages.wrong : codeMessages.wrongAfterReset };
}

/** The port as typed: empty means the default; anything else must be a port a program may listen on. */
export function parseLaptopPort(typed: string): number | undefined {
  const trimmed = typed.trim();
  if (trimmed === "") return defaultLaptopPort;
  if (!/^\d{1,5}$/.test(trimmed)) return undefined;
  const port = Number(trimmed);
  return port >= 1024 && port <= 65535 ? port : undefined;
}

/** `base`, or `base-2`, `base-3`… : the first that no account has and that was not tried already. */
async function freeUsername(base: string, tried: Set<string>): Promise<string> {
  const taken = await findUsernamesLike(base);
  for (let suffix = 1; ; suffix++) {
    const username = suffix === 1 ? base : `${base}-${suffix}`;
    if (!taken.has(username) && !tried.has(username)) return username;
  }
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/** How many usernames a join tries when others take them at the same moment. */
const maxAttempts = 5;

/**
 * Joins the room, checking the form in the order a person fills it in: the code (throttled per
 * address), the display name, the port. Then everything is stored in one transaction
 * (storage/workshop-attendees.ts), and the new attendee is signed in. The password and the client
 * secret exist in clear only on their way to the one-time page: stored, the password is an
 * Argon2id hash, the secret a SHA-256 hash.
 */
export async function joinWorkshop(room: Room, form: JoinForm, address: string, now = new Date()): Promise<JoinOutcome> {
  const code = await checkJoinCode(room, form.code, address, now);
  if (code.outcome === "throttled") return code;
  if (code.outcome === "refused") return { outcome: "refused", field: "code", message: code.message };

  const checked = checkDisplayName(form.display_name);
  if ("refusal" in checked) return { outcome: "refused", field: "display_name", message: displayNameRefusals[checked.refusal] };
  const { displayName } = checked;
  const displayNameKey = foldDisplayName(displayName);
  const taken = { outcome: "refused", field: "display_name", message: displayNameRefusals.taken } as const;
  if (displayNameKey === foldDisplayName(instructorDisplayName) || (await isDisplayNameTaken(room.id, displayNameKey))) return taken;

  const port = parseLaptopPort(form.port);
  if (port === undefined) return { outcome: "refused", field: "port", message: portMessage };

  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  const clientSecret = generateSecret();
  const redirectUri = redirectUriFor(port);
  const userId = randomUUID();
  const base = usernameBaseOf(displayName);
  const tried = new Set<string>();
  for (let attempt = 1; ; attempt++) {
    const username = await freeUsername(base, tried);
    const clientId = `workshop-${username}`;
    const { id: credentialsPageId, sealed } = await sealJoinCredentials(
      { displayName, username, password, client_id: clientId, client_secret: clientSecret, redirect_uri: redirectUri },
      now,
    );
    const { session, cookie } = prepareSession(userId, now);
    try {
      await storeNewAttendee({
        roomId: room.id,
        displayName,
        displayNameKey,
        user: { id: userId, username, name: displayName, passwordHash },
        client: {
          id: clientId,
          name: `${displayName}'s app`,
          secretHash: hashSecret(clientSecret),
          tokenEndpointAuthMethod: attendeeClientAuthMethod,
          allowedScopes: attendeeClientScopes,
          allowedGrantTypes: ["authorization_code", "refresh_token"],
          redirectUris: [redirectUri],
          // Registered by this server, not by a client's claims: its one redirect URI is on the
          // loopback interface, which reaches only the machine of the browser that follows it.
          selfRegistered: false,
          dpopBoundAccessTokens: false,
          requirePushedAuthorizationRequests: false,
        },
        session,
        oneTimePage: sealed,
      });
      return { outcome: "joined", credentialsPageId, sessionCookie: cookie };
    } catch (error) {
      // Someone else took the display name or the username at the same moment: the database's
      // unique indexes settled it, and nothing of this attempt was stored.
      if (!isUniqueViolation(error) || attempt === maxAttempts) throw error;
      if (await isDisplayNameTaken(room.id, displayNameKey)) return taken;
      tried.add(username);
    }
  }
}
