/**
 * Whether the lab uses DPoP in this page: the one place that decides it. The lab makes its DPoP key
 * in the browser with WebCrypto (`crypto.subtle`), which browsers give only to secure contexts,
 * pages over https or from localhost. A workshop room reaches PrintShop over plain http at the
 * instructor's address (README "Running a workshop"), which is none. There the lab runs without
 * DPoP: PKCE still works (packages/protocol hashes without WebCrypto), and the token is a Bearer
 * token, which the lab's client `printshop-lab` is allowed to get.
 *
 * @see https://www.w3.org/TR/secure-contexts/#is-origin-trustworthy
 * @see https://www.rfc-editor.org/rfc/rfc9449#section-5
 */
export function labCanUseDpop(): boolean {
  return window.isSecureContext && (globalThis.crypto as Partial<Crypto>).subtle !== undefined;
}

/**
 * What the lab says once, near the top, when it runs without DPoP, and how to see DPoP; undefined
 * when it uses DPoP.
 */
export function withoutDpopNote(): string | undefined {
  if (labCanUseDpop()) return undefined;
  const { origin } = window.location;
  return (
    `This page is not a secure context (plain http from ${origin}), so the browser gives it no WebCrypto: ` +
    `the lab runs without DPoP here, with PKCE and a Bearer token. ` +
    `To see DPoP, mark ${origin} as secure in this browser: in Chrome or Edge, ` +
    `chrome://flags/#unsafely-treat-insecure-origin-as-secure; in Firefox, the about:config setting dom.securecontext.allowlist. ` +
    `Or run the project on your own laptop (npm run dev) and open the lab at http://localhost:3000/lab.`
  );
}
