// What the tests of the Developers page's form share: the form posted as a browser posts it from
// the page, and the two places its 303 may send the browser.
import { expect } from "vitest";
import { POST as developersRegisterEndpoint } from "@/app/developers/register/route";
import { issuer } from "./fixtures.ts";

/** The form as a developer fills it in: a confidential web app with the default choices. */
export const kioskForm: [string, string][] = [
  ["client_name", "Workshop Kiosk"],
  ["redirect_uris", "https://kiosk.example/callback"],
  ["client_type", "confidential"],
  ["scope", "profile"],
  ["scope", "photos:read"],
  ["refresh_token", "on"],
];

/** The form with `name` set to `value` instead (or added, if it is not there). */
export function withField(form: [string, string][], name: string, value: string): [string, string][] {
  return [...form.filter(([field]) => field !== name), [name, value]];
}

/**
 * POSTs the form to /developers/register, from the page itself unless told otherwise. The fields
 * are a list, since each checked scope is sent as its own `scope` field.
 */
export function postRegistrationForm(fields: [string, string][], { origin = issuer }: { origin?: string } = {}): Promise<Response> {
  return developersRegisterEndpoint(
    new Request(`${issuer}/developers/register`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin },
      body: new URLSearchParams(fields).toString(),
    }),
  );
}

/** A 303 to the page that shows the new client, never cached. Returns the id in its path. */
export function expectRegisteredPage(response: Response): string {
  expect(response.status).toBe(303);
  expect(response.headers.get("cache-control")).toBe("no-store");
  const location = response.headers.get("location") ?? "";
  expect(location).toMatch(/^\/developers\/registered\/[A-Za-z0-9_-]{43}$/);
  return location.split("/").at(-1) ?? "";
}

/** A 303 back to the form with the error next to `field`. Returns the query it carries. */
export function expectBackToForm(response: Response, field: string): URLSearchParams {
  expect(response.status).toBe(303);
  expect(response.headers.get("cache-control")).toBe("no-store");
  const location = new URL(response.headers.get("location") ?? "about:blank", issuer);
  expect(location.origin).toBe(issuer);
  expect(location.pathname).toBe("/developers");
  expect(location.searchParams.get("field")).toBe(field);
  expect(location.searchParams.get("message")).not.toBe("");
  return location.searchParams;
}
