// Where the demo finds the apps: at the addresses the apps themselves are configured with (the
// same variables), else where `npm run dev` and `npm start` put them on this machine.
import { attackerPort, demoPorts } from "@seven-steps/story";
import type { AppToStart } from "../app-process.ts";
import { waitUntilAnswering } from "../wait.ts";

export interface DemoApps {
  client: AppToStart;
  authorizationServer: AppToStart;
  resourceApi: AppToStart;
  attacker: AppToStart;
}

function app(folder: AppToStart["folder"], label: string, configured: string | undefined, defaultPort: number): AppToStart {
  const url = new URL(configured || `http://localhost:${defaultPort}`);
  return { folder, label, url: url.origin, listen: url.hostname, port: Number(url.port || (url.protocol === "https:" ? 443 : 80)) };
}

export function demoApps(environment: NodeJS.ProcessEnv): DemoApps {
  return {
    client: app("client", "PrintShop", environment.CLIENT_APP_URL, demoPorts.client),
    authorizationServer: app("authorization-server", "PhotoCloud Accounts", environment.ISSUER, demoPorts["authorization-server"]),
    resourceApi: app("resource-api", "PhotoCloud API", environment.RESOURCE_API_URL, demoPorts["resource-server"]),
    attacker: app("attacker", "Mallory's Prints", environment.ATTACKER_URL, attackerPort),
  };
}

/** The apps among `apps` that do not answer now. */
export async function appsNotAnswering(apps: readonly AppToStart[]): Promise<AppToStart[]> {
  const failures = await Promise.all(apps.map((each) => waitUntilAnswering(`${each.url}/`, { timeoutMilliseconds: 1500, intervalMilliseconds: 250 })));
  return apps.filter((_, index) => failures[index] !== null);
}
