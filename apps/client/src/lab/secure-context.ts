/**
 * Why the lab's cryptography cannot run in this page, if that is why: the lab makes its PKCE
 * challenge and its DPoP key in the browser with WebCrypto (`crypto.subtle`), which browsers give
 * only to secure contexts, pages over https or from localhost. A workshop room reaches PrintShop
 * over plain http at the instructor's address (README "Running a workshop"), which is none.
 * Undefined in a secure context, where any failure is another one.
 *
 * @see https://www.w3.org/TR/secure-contexts/#is-origin-trustworthy
 */
export function insecureContextProblem(): string | undefined {
  if (typeof window === "undefined" || window.isSecureContext) return undefined;
  return (
    `This page came over plain http from ${window.location.origin}, and your browser gives the cryptography the lab runs ` +
    `here (WebCrypto, for the PKCE challenge and the DPoP key) only to pages over https or from localhost. ` +
    `To use the lab from a workshop room, mark ${window.location.origin} as secure in this browser: in Chrome or Edge, ` +
    `chrome://flags/#unsafely-treat-insecure-origin-as-secure; in Firefox, the about:config setting dom.securecontext.allowlist. ` +
    `Or run the project on your own laptop (npm run dev) and open the lab at http://localhost:3000/lab.`
  );
}
