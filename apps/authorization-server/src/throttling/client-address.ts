/**
 * The address a request came from, as Next.js reports it in X-Forwarded-For. Behind no proxy, a
 * client can set that header itself, which is why every throttle here also counts per account.
 */
export function clientAddress(request: Request): string {
  return request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() || "unknown";
}
