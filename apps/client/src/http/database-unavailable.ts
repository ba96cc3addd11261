import { databaseRetryAfterSeconds, isDatabaseUnavailable, unavailabilityReason } from "@seven-steps/db";

type RouteHandler<Context> = (request: Request, context: Context) => Promise<Response>;

const description = "PrintShop cannot answer for a moment. Try again in a few seconds.";

/**
 * Wraps a route handler that reads PrintShop's database (its sessions' tokens, the inspector's
 * flows). While that database cannot be reached (packages/db/src/unavailable.ts), the route
 * answers 503 with `Retry-After`, as JSON for the routes a script reads and as text for the
 * others, and the log gets one line. The same request succeeds once the database is back, with
 * nothing restarted. Anything else thrown is a bug, left to Next.js: a 500, logged, with no
 * details sent. Pages cannot answer 503 (see @seven-steps/ui's PageFailed).
 *
 * @see https://www.rfc-editor.org/rfc/rfc9110#section-15.6.4
 */
export function answersWhileDatabaseIsDown<Context>(format: "json" | "text", handler: RouteHandler<Context>): RouteHandler<Context> {
  return async (request, context) => {
    try {
      return await handler(request, context);
    } catch (error) {
      if (!isDatabaseUnavailable(error)) throw error;
      console.warn(`client: the database is unavailable (${unavailabilityReason(error)}); answered 503.`);
      const headers = { "Retry-After": String(databaseRetryAfterSeconds), "Cache-Control": "no-store" };
      return format === "json"
        ? Response.json({ error: "temporarily_unavailable", error_description: description }, { status: 503, headers })
        : new Response(description, { status: 503, headers: { ...headers, "Content-Type": "text/plain; charset=utf-8" } });
    }
  };
}
