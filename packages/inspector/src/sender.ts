import type { Role } from "@seven-steps/protocol";

/**
 * Who sent a recorded message: one of the four roles of RFC 6749, or Mallory, the attacker of the
 * attack lab, who is no role of the protocol (RFC 9700 §3 names her only in its attacker model).
 *
 * @see https://www.rfc-editor.org/rfc/rfc9700#section-3
 */
export type Sender = Role | "attacker";

/** The header that carries an attack run's id on Mallory's requests, and the query parameter on the lab's pages. */
export const attackRunHeader = "attack-run";

/** The User-Agent of Mallory's server. */
export const malloryUserAgent = "Mallory (seven-steps attack lab)";

/** Where Mallory's pages that push alice's browser live, on the attacker app. */
export const malloryPagesPath = "/mallory/";

function refererOf(request: Request): URL | undefined {
  const referer = request.headers.get("referer");
  if (!referer) return undefined;
  try {
    return new URL(referer);
  } catch {
    return undefined;
  }
}

/**
 * The attack run a request belongs to, if any: the `attack-run` header Mallory's server sends, or
 * the `attack-run` query parameter of the page that sent alice's browser here (its `Referer`: the
 * attack lab's pages carry the run in their own URL and ask for `unsafe-url` referrers). A
 * Referer counts only from the lab's own pages, at `labOrigins` (Mallory's app, and PrintShop,
 * whose page plays alice's app): a page anywhere else cannot pull its visitors' messages into a
 * run of its choosing.
 *
 * A real attacker would not announce herself: the lab does, so that the inspector can gather a
 * run's messages and draw Mallory's lane. It is a label for the diagram, never a credential: no
 * server decision depends on it.
 */
export function attackRunOf(request: Request, labOrigins: ReadonlySet<string>): string | undefined {
  const header = request.headers.get(attackRunHeader);
  if (header !== null) return header || undefined;
  const referer = refererOf(request);
  if (!referer || !labOrigins.has(referer.origin)) return undefined;
  return referer.searchParams.get(attackRunHeader) || undefined;
}

/**
 * Who sent a request: `usual`, the role that sends it in the protocol, unless Mallory did. Her
 * server announces itself with the `attack-run` header and her User-Agent; her pages that push
 * alice's browser live under `/mallory/` on one of `labOrigins`, and are known by the request's
 * `Referer`. A request the attack lab's own page prompts (alice's authorization in "alice's app")
 * is alice's, though it carries the run.
 *
 * Like {@link attackRunOf}, this only labels a recorded message: no server decision depends on it.
 */
export function senderOf(request: Request, usual: Role, labOrigins: ReadonlySet<string>): Sender {
  if (request.headers.has(attackRunHeader) || request.headers.get("user-agent") === malloryUserAgent) return "attacker";
  const referer = refererOf(request);
  return referer && labOrigins.has(referer.origin) && referer.pathname.startsWith(malloryPagesPath) ? "attacker" : usual;
}

/**
 * {@link attackRunOf} and {@link senderOf} for an app that knows where the attack lab's pages are:
 * the origins of `urls` (its configured ATTACKER_URL and CLIENT_APP_URL).
 */
export function attackLabPages(urls: readonly string[]): {
  runOf: (request: Request) => string | undefined;
  senderOf: (request: Request, usual: Role) => Sender;
} {
  const labOrigins: ReadonlySet<string> = new Set(urls.map((url) => new URL(url).origin));
  return {
    runOf: (request) => attackRunOf(request, labOrigins),
    senderOf: (request, usual) => senderOf(request, usual, labOrigins),
  };
}
