import { forwardedToPhotoCloud } from "@/mallory/accounts";

/** Mallory's authorization endpoint: alice goes on to PhotoCloud's, with the request as it came (RFC 9700 §4.4.1). */
export function GET(request: Request) {
  return Response.redirect(forwardedToPhotoCloud(new URL(request.url)), 303);
}
