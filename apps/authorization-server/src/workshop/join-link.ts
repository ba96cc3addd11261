import { env } from "@/env";

/**
 * The join link of a workshop code: the join page with the code filled in, for the room's
 * screen and its QR code. The code travels in the link on purpose (the whole room knows it); a
 * reset sets a new one, and an old link then says so.
 */
export function joinUrl(code: string): string {
  const url = new URL("/workshop/join", env.ISSUER);
  url.searchParams.set("code", code);
  return url.href;
}
