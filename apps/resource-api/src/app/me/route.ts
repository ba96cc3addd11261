import { notFound } from "@/http/api-error";
import { preflight } from "@/http/cors";
import { protectedRoute } from "@/http/protected-route";
import { findProfile } from "@/storage/profiles";

/**
 * The signed-in member's profile, for the `profile` scope. The client app's sign-in reads it to
 * learn who signed in, which makes steps 6 and 7 part of signing in.
 */
export const GET = protectedRoute(["profile"], async (_request, token) => {
  const profile = await findProfile(token.sub);
  if (!profile) throw notFound("This access token's subject has no PhotoCloud profile.");
  return Response.json(
    { sub: profile.sub, username: profile.username, name: profile.displayName },
    { headers: { "Cache-Control": "no-store" } },
  );
});

export function OPTIONS(request: Request) {
  return preflight(request, "GET");
}
