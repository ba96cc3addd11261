// The security headers of every page of the three apps, in one place. Plain JavaScript, so that
// each app's next.config.ts can import it.

/**
 * A Content-Security-Policy for a Next.js app: scripts and styles from the app itself (Next.js
 * inlines its bootstrap, hence 'unsafe-inline'), no framing by anyone (clickjacking, RFC 6749
 * §10.13), no plugins, no <base> tricks. `connectSources` are the other origins the page's
 * scripts may call. Development adds eval and websockets for hot reloading. `allowFraming` drops
 * `frame-ancestors` for the one page the attack lab lets Mallory frame (the authorization server's
 * consent page, for its weak demo client only: apps/authorization-server/src/consent/framing.ts).
 *
 * @param {{ development: boolean; connectSources?: string[]; allowFraming?: boolean }} options
 * @returns {string}
 */
export function contentSecurityPolicy({ development, connectSources = [], allowFraming = false }) {
  return [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    `connect-src ${["'self'", ...connectSources, ...(development ? ["ws:"] : [])].join(" ")}`,
    ...(allowFraming ? [] : ["frame-ancestors 'none'"]),
    "base-uri 'none'",
    "object-src 'none'",
  ].join("; ");
}

/**
 * The headers for every response: the policy above, no framing for older browsers either, no
 * Referer (a URL of the flow may carry a code or a state), and no content sniffing.
 *
 * @param {{ development: boolean; connectSources?: string[]; allowFraming?: boolean }} options
 * @returns {{ key: string; value: string }[]}
 */
export function securityHeaders(options) {
  return [
    { key: "Content-Security-Policy", value: contentSecurityPolicy(options) },
    ...(options.allowFraming ? [] : [{ key: "X-Frame-Options", value: "DENY" }]),
    { key: "Referrer-Policy", value: "no-referrer" },
    { key: "X-Content-Type-Options", value: "nosniff" },
  ];
}
