import { z } from "zod";

/**
 * What the lab must remember while the browser is away at the authorization server (steps 1 to 3).
 *
 * A browser-based public client has no server to remember things for it, and the redirect to the
 * authorization server unloads the page. So, like any single-page app, it keeps them in the tab's
 * `sessionStorage`: they survive the round trip, stay in this tab, and are gone when it closes.
 * The code verifier is the secret of PKCE: it is kept here and sent only to the token endpoint,
 * never put in a URL.
 *
 * @see https://www.rfc-editor.org/rfc/rfc7636#section-4.1
 * @see https://datatracker.ietf.org/doc/html/draft-ietf-oauth-browser-based-apps
 */
/** A message the lab sent before the redirect, kept to be shown again after it. */
const shownExchangeSchema = z.object({
  request: z.object({
    method: z.enum(["GET", "POST"]),
    url: z.string(),
    headers: z.record(z.string(), z.string()),
    body: z.string().optional(),
  }),
  status: z.number().int(),
  headers: z.record(z.string(), z.string()),
  body: z.unknown(),
  /** What the lab read in the answer, in a sentence. */
  reading: z.string().optional(),
});

export type ShownExchange = z.infer<typeof shownExchangeSchema>;

const labSessionSchema = z.object({
  /**
   * Where the run is: 2 while the user is at the authorization server, 3 once the code is back,
   * 5 once the code has been sent to the token endpoint (and so spent), 7 once the API was called.
   */
  currentStep: z.number().int().min(1).max(7),
  /** The issuer the request went to, which must come back as `iss` (RFC 9207). */
  issuer: z.string(),
  tokenEndpoint: z.string(),
  /** The URL of step 1, shown again after the round trip. It holds the challenge, never the verifier. */
  authorizationUrl: z.string(),
  codeVerifier: z.string(),
  /** Must come back unchanged with the code (RFC 6749 §10.12). */
  state: z.string(),
  /** The API the tokens are for, named as `resource` at steps 1 and 4 (RFC 8707). */
  resource: z.string().optional(),
  /** The thumbprint of the tab's DPoP key, sent as `dpop_jkt` in step 1 (RFC 9449 §10). */
  dpopJkt: z.string().optional(),
  /** Step 0's messages, when the run began with it (RFC 9728). */
  discovery: z.array(shownExchangeSchema).optional(),
  /** The pushed authorization request and its answer, when step 1 was pushed (RFC 9126). */
  pushed: shownExchangeSchema.optional(),
});

export type LabSession = z.infer<typeof labSessionSchema>;

const storageKey = "printshop-lab";

export function saveLabSession(session: LabSession): void {
  sessionStorage.setItem(storageKey, JSON.stringify(session));
}

/** This tab's run of the lab, or null when it has none (or something unreadable). */
export function loadLabSession(): LabSession | null {
  const stored = sessionStorage.getItem(storageKey);
  if (stored === null) return null;
  try {
    const parsed = labSessionSchema.safeParse(JSON.parse(stored));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function clearLabSession(): void {
  sessionStorage.removeItem(storageKey);
}
