// Where everything of the scaled stack runs: each app twice, on ports of its own, behind nginx on
// the demo's public ports. This is the one place those ports are written down; `npm run
// start:scaled` prints them as a table, and the scaled end-to-end stage reads them from here.
//
// The public addresses do not change: the issuer is still http://localhost:3001 and the API's
// audience http://localhost:3002, so tokens, redirect URIs and the seed's registrations are the
// same as with one instance of each app. The instances themselves are never addressed by a user,
// a client or a token; only nginx talks to them.
import { demoPorts } from "@seven-steps/story";

export interface ScaledApp {
  /** The app's folder under apps/, and the name run-app reports it under. */
  folder: "client" | "authorization-server" | "resource-api";
  /** Who the app is in the story. */
  label: string;
  /** Where nginx listens for it: the address users, clients and tokens name. */
  publicPort: number;
  /** One port per instance. */
  instancePorts: readonly number[];
}

/**
 * The demo's ports by default. SCALED_PORT_BASE moves the whole stack, keeping its shape (the
 * public ports from the base, the instances 100 above): the benchmark runs it from 4000, beside
 * a running `npm run dev`.
 */
const base = Number(process.env.SCALED_PORT_BASE || demoPorts.client);

export const scaledApps = {
  client: { folder: "client", label: "PrintShop", publicPort: base, instancePorts: [base + 100, base + 101] },
  authorizationServer: {
    folder: "authorization-server",
    label: "PhotoCloud Accounts",
    publicPort: base + 1,
    instancePorts: [base + 110, base + 111],
  },
  resourceApi: { folder: "resource-api", label: "PhotoCloud API", publicPort: base + 2, instancePorts: [base + 120, base + 121] },
} as const satisfies Record<string, ScaledApp>;

export type ScaledAppName = keyof typeof scaledApps;

export const scaledAppNames = Object.keys(scaledApps) as ScaledAppName[];

/** One running copy of an app. */
export interface Instance {
  app: ScaledAppName;
  /** 1 or 2: the instance's number, as logs and tables show it. */
  number: number;
  port: number;
  /** For messages, logs and pid files: `authorization-server-2`. */
  name: string;
}

export function instancesOf(app: ScaledAppName): Instance[] {
  return scaledApps[app].instancePorts.map((port, index) => ({
    app,
    number: index + 1,
    port,
    name: `${scaledApps[app].folder}-${index + 1}`,
  }));
}

export const allInstances: Instance[] = scaledAppNames.flatMap(instancesOf);

/** The address users, clients and tokens use for an app: nginx's. */
export function publicUrl(app: ScaledAppName): string {
  return `http://localhost:${scaledApps[app].publicPort}`;
}

/** How nginx names an instance in the X-Upstream header it adds to every answer. */
export function upstreamAddress(instance: Instance): string {
  return `127.0.0.1:${instance.port}`;
}
