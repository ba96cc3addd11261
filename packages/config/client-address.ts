/**
 * The address a request came from, as Next.js reports it in X-Forwarded-For (behind nginx, the
 * proxy's header, whose first entry is the browser). Behind no proxy, a client can set that header
 * itself: the authorization server's throttles therefore also count per account, and the
 * inspector uses it only for a heuristic that decides nothing.
 */
export function clientAddress(request: Request): string {
  return request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() || "unknown";
}
