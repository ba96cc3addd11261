import { env } from "@/env";

/** What the lab, a public client, knows about itself and about the servers it talks to. */
export interface LabConfiguration {
  clientId: string;
  redirectUri: string;
  /** What the lab asks for: enough to list the photos, and no right to change them. */
  scope: string;
  issuer: string;
  resourceApiUrl: string;
}

/**
 * The lab's registration at PhotoCloud Accounts (`printshop-lab`, a public client made by
 * prisma/seed.ts) and where the other roles are. Read on the server, where env.ts lives, and
 * handed to the lab, which runs in the browser.
 */
export function readLabConfiguration(): LabConfiguration {
  return {
    clientId: "printshop-lab",
    redirectUri: `${env.CLIENT_APP_URL}/lab/callback`,
    scope: "profile photos:read",
    issuer: env.AUTHORIZATION_SERVER_ISSUER,
    resourceApiUrl: env.RESOURCE_API_URL,
  };
}
