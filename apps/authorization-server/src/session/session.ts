import { constantTimeEqual, rfcSection, type Check } from "@seven-steps/protocol";
import { env } from "@/env";
import { generateSecret, hashSecret } from "@/secrets/secret-hash";
import { createSession, deleteSession, findActiveSession, type NewSession } from "@/storage/sessions";
import { readSessionToken, sessionCookie } from "./cookie.ts";

export interface SignedInUser {
  id: string;
  username: string;
  name: string;
  authTime: Date;
  /** The session's CSRF token, to put in every form that changes something. */
  csrfToken: string;
}

/**
 * The CSRF token of a session: derived from the session token by a one-way hash, so it needs no
 * storage, differs for every session, and does not reveal the session token.
 */
function csrfTokenFor(sessionToken: string): string {
  return hashSecret(`csrf:${sessionToken}`);
}

/**
 * A new session for a user, not stored yet: the row to store, which holds only the hash of a new
 * random token, and the Set-Cookie header value that carries the token itself. For a sign-in that
 * must be stored in one transaction with the account it signs in to (a workshop attendee's).
 */
export function prepareSession(userId: string, now = new Date()): { session: NewSession; cookie: string } {
  const token = generateSecret();
  return {
    session: { tokenHash: hashSecret(token), userId, authTime: now, expiresAt: new Date(now.getTime() + env.SESSION_TTL_SECONDS * 1000) },
    cookie: sessionCookie(token, env.SESSION_TTL_SECONDS),
  };
}

/**
 * Signs a user in: a new random session token in the cookie, only its hash in the database. A new
 * token at every sign-in, so a token planted before sign-in is worthless (session fixation).
 * Returns the Set-Cookie header value.
 */
export async function startSession(userId: string, now = new Date()): Promise<string> {
  const { session, cookie } = prepareSession(userId, now);
  await createSession(session);
  return cookie;
}

/** The signed-in user of a request, from its Cookie header. */
export async function findSignedInUser(cookieHeader: string | null, now = new Date()): Promise<SignedInUser | null> {
  const token = readSessionToken(cookieHeader);
  if (!token) return null;
  const session = await findActiveSession(hashSecret(token), now);
  if (!session) return null;
  return {
    id: session.user.id,
    username: session.user.username,
    name: session.user.name,
    authTime: session.authTime,
    csrfToken: csrfTokenFor(token),
  };
}

/** {@link isValidCsrfToken}, described for the inspector. */
export const csrfTokenOfSession: Check = {
  checkedBy: "authorization-server",
  rule: "the consent form carries this session's CSRF token",
  why: "Another site must not be able to press Allow for the user.",
  see: rfcSection(6749, "10.12"),
  source: "apps/authorization-server/src/session/session.ts",
};

/** Whether a form's CSRF token belongs to this request's session. */
export function isValidCsrfToken(user: SignedInUser, presented: string | undefined): boolean {
  return presented !== undefined && constantTimeEqual(presented, user.csrfToken);
}

export async function endSession(cookieHeader: string | null): Promise<void> {
  const token = readSessionToken(cookieHeader);
  if (token) await deleteSession(hashSecret(token));
}
