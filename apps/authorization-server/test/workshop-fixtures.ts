// What the workshop's tests share: a room set up as `npm run workshop:setup` sets it up, the join
// form posted as a browser posts it, and an attendee who joined, with what they were shown once.
import { expect } from "vitest";
import { GET as joinPage, POST as joinEndpoint } from "@/app/workshop/join/route";
import { escapeHtml } from "@/html/message-page";
import { readSessionToken } from "@/session/cookie";
import { takeJoinCredentials, type JoinCredentials } from "@/workshop/credentials";
import { setUpRoom } from "@/workshop/setup";
import { formRequest, issuer, type TestClient } from "./fixtures.ts";

/** The code every workshop test's room starts with. */
export const roomCode = "oauth-workshop-2026";
export const instructorPassword = "the instructor's own password";

/** Sets the room up with {@link roomCode} and the instructor's password, as the setup command does. */
export function setUpTestRoom(): Promise<unknown> {
  return setUpRoom({ code: roomCode, instructorPassword });
}

/** The instructor, as the sign-in form takes them. */
export const instructor = { username: "instructor", password: instructorPassword };

let addresses = 0;

/** An address of its own, so that one test's wrong codes never pause another test's joins. */
export function newAddress(): string {
  addresses += 1;
  return `192.0.2.${addresses}`;
}

/** POSTs the join form from the page itself, from `address` (X-Forwarded-For), unless told otherwise. */
export function postJoin(
  fields: Record<string, string>,
  { address = newAddress(), origin = issuer }: { address?: string; origin?: string | null } = {},
): Promise<Response> {
  return joinEndpoint(formRequest("/workshop/join", fields, { origin, headers: { "x-forwarded-for": address } }));
}

/** GETs the join page, as a join link opens it. */
export function getJoinPage(query = "", { address = newAddress() }: { address?: string } = {}): Promise<Response> {
  return joinPage(new Request(`${issuer}/workshop/join${query}`, { headers: { "x-forwarded-for": address } }));
}

/** The join form as an attendee fills it in. */
export function joinForm(displayName: string, overrides: Record<string, string> = {}): Record<string, string> {
  return { code: roomCode, display_name: displayName, port: "4000", ...overrides };
}

/** Someone who joined: what they were shown once, and the session cookie the join set. */
export interface Attendee extends JoinCredentials {
  cookie: string;
}

/** Joins as `displayName` and takes the one-time credentials, as the welcome page does. */
export async function join(displayName: string, overrides: Record<string, string> = {}): Promise<Attendee> {
  const response = await postJoin(joinForm(displayName, overrides));
  expect(response.status).toBe(303);
  const id = /^\/workshop\/join\/welcome\/([A-Za-z0-9_-]{43})$/.exec(response.headers.get("location") ?? "")?.[1];
  const token = readSessionToken(response.headers.get("set-cookie")?.split(";")[0] ?? null);
  const credentials = id === undefined ? undefined : await takeJoinCredentials(id);
  if (!credentials || !token) throw new Error(`joining as ${displayName} showed no credentials`);
  return { ...credentials, cookie: `photocloud_session=${token}` };
}

/** An attendee's client, as the fixtures of the protocol tests use one. */
export function clientOf(attendee: Attendee): TestClient {
  return {
    id: attendee.client_id,
    secret: attendee.client_secret,
    redirectUri: attendee.redirect_uri,
    redirectUris: [attendee.redirect_uri],
    authMethod: "client_secret_basic",
  };
}

/** An attendee's account, as the sign-in form takes it. */
export function accountOf(attendee: Attendee): { username: string; password: string } {
  return { username: attendee.username, password: attendee.password };
}

/** The refusal a join page shows next to a field: 400, the form again, the message in an alert. */
export async function expectRefusedOnForm(response: Response, field: string, message: string): Promise<string> {
  expect(response.status).toBe(400);
  expect(response.headers.get("content-type")).toMatch(/^text\/html/);
  expect(response.headers.get("cache-control")).toBe("no-store");
  expect(response.headers.get("location")).toBeNull();
  const html = await response.text();
  expect(html).toContain(`<p id="${field}-error" class="error" role="alert">${escapeHtml(message)}</p>`);
  expect(html).toMatch(new RegExp(`<input id="${field}" name="${field}" [^>]*aria-invalid="true"`));
  return html;
}

/** The value an input of the page holds. */
export function inputValue(html: string, name: string): string | undefined {
  return new RegExp(`<input id="${name}" name="${name}" value="([^"]*)"`).exec(html)?.[1];
}
