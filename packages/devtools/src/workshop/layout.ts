// What a workshop runs, where, and with which configuration: the one place `npm run workshop`
// and its tests read it from.
import { commandDataFolder, type AppToStart } from "../app-process.ts";
import type { RoomAddress } from "./address.ts";

export interface WorkshopApp {
  /** The app's folder under apps/, and the name run-app and the logs know it by. */
  folder: AppToStart["folder"];
  /** Who the app is in the story. */
  label: string;
  /** Its port is the port base plus this. */
  portOffset: number;
  /** What the room does there. */
  note: string;
}

/** The authorization server first: attendees join there, and it must answer before the others send anyone to it. */
export const workshopApps = [
  { folder: "authorization-server", label: "PhotoCloud Accounts", portOffset: 1, note: "join page, exercises, the room's dashboard" },
  { folder: "resource-api", label: "PhotoCloud API", portOffset: 2, note: "the photos, behind access tokens" },
  { folder: "client", label: "PrintShop", portOffset: 0, note: "exercises 1 and 2: sign-in, the lab" },
  { folder: "attacker", label: "Mallory's Prints", portOffset: 3, note: "the attack lab, exercise 7" },
] as const satisfies readonly WorkshopApp[];

export interface WorkshopPlace {
  room: RoomAddress;
  portBase: number;
}

export function appPort(app: WorkshopApp, { portBase }: WorkshopPlace): number {
  return portBase + app.portOffset;
}

export function appUrl(app: WorkshopApp, place: WorkshopPlace): string {
  return `http://${place.room.urlHost}:${appPort(app, place)}`;
}

/** Each app as the workshop starts it: listening on the room's address alone. */
export function workshopAppsAt(place: WorkshopPlace): AppToStart[] {
  return workshopApps.map((app) => ({ folder: app.folder, label: app.label, port: appPort(app, place), listen: place.room.listen, url: appUrl(app, place) }));
}

/**
 * What a workshop keeps while it runs (gitignored): each app's pid file, and its log in logs/.
 * One per port base, so that a rehearsal on other ports never touches the real one.
 */
export function workshopDataFolder(portBase: number): string {
  return commandDataFolder(`workshop-${portBase}`);
}

function urlOf(folder: WorkshopApp["folder"], place: WorkshopPlace): string {
  return appUrl(workshopApps.find((app) => app.folder === folder)!, place);
}

/** The link attendees open to join: the code rides in it, so that the room scans and types nothing. */
export function joinLink(place: WorkshopPlace, code: string): string {
  return `${urlOf("authorization-server", place)}/workshop/join?code=${encodeURIComponent(code)}`;
}

/** The instructor's live table of the room. */
export function dashboardUrl(place: WorkshopPlace): string {
  return `${urlOf("authorization-server", place)}/workshop/room`;
}

export interface WorkshopSecrets {
  /** PrintShop's session cookies and stored tokens (next-auth). */
  nextAuthSecret: string;
  /** The DPoP nonces of the authorization server and the API (RFC 9449 §8). */
  dpopNonceSecret: string;
}

/**
 * How a workshop's apps differ from the demo on one laptop. The sign-in page does not offer the
 * demo accounts: a room sharing alice would pause her for everyone. And the API asks the
 * authorization server about every token (RFC 7662) instead of checking its signature alone, so
 * that an access removed at Connected apps (exercise 6), or by Reset room, stops working at once,
 * not when the token expires.
 */
export const workshopSettings = { DEMO_MODE: "false", TOKEN_VALIDATION: "introspection" } as const;

/**
 * What every app of the workshop is told: where the others are, all at the room's address, and
 * that this is a workshop (WORKSHOP_HOST), which allows plain http there and shows the banner.
 */
export function workshopEnvironment(place: WorkshopPlace, secrets: WorkshopSecrets): Record<string, string> {
  const issuer = urlOf("authorization-server", place);
  return {
    WORKSHOP_HOST: place.room.urlHost,
    ...workshopSettings,
    ISSUER: issuer,
    AUTHORIZATION_SERVER_ISSUER: issuer,
    RESOURCE_API_URL: urlOf("resource-api", place),
    CLIENT_APP_URL: urlOf("client", place),
    ATTACKER_URL: urlOf("attacker", place),
    NEXTAUTH_SECRET: secrets.nextAuthSecret,
    DPOP_NONCE_SECRET: secrets.dpopNonceSecret,
  };
}
