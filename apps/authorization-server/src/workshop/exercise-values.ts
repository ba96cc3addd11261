import "server-only";
import { env } from "@/env";
import { findClient } from "@/storage/clients";

/** The values an attendee's exercises are written with: this room's addresses and their own client. */
export interface ExerciseValues {
  username: string;
  issuer: string;
  api: string;
  printShop: string;
  lab: string;
  attackLab: string;
  connectedApps: string;
  clientId: string;
  redirectUri: string;
  /** What the attendee's client asks for: its registration allows `profile photos:read`. */
  scope: string;
}

/** An attendee's values. Their client secret is not among them: it was shown once, when they joined, and only its hash is kept. */
export async function exerciseValues(attendee: { username: string; clientId: string }): Promise<ExerciseValues> {
  const client = await findClient(attendee.clientId);
  return {
    username: attendee.username,
    clientId: attendee.clientId,
    redirectUri: client?.redirectUris[0] ?? "",
    issuer: env.ISSUER,
    api: env.RESOURCE_API_URL,
    printShop: env.CLIENT_APP_URL,
    lab: `${env.CLIENT_APP_URL}/lab`,
    attackLab: env.ATTACKER_URL,
    connectedApps: `${env.ISSUER}/connected-apps`,
    scope: "profile photos:read",
  };
}
