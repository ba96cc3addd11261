import { mallorysMetadata } from "@/mallory/accounts";

/** The metadata of Mallory's Accounts (RFC 8414 §3), for the mix-up card. */
export function GET() {
  return Response.json(mallorysMetadata());
}
