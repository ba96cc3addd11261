// Reset room, after every other test of the workshop's stack (its own project, playwright.workshop
// .config.ts): the instructor empties the room from the dashboard. Every attendee's account,
// client, tokens and recordings are gone, the instructor and the demo members stay, and an old
// join link and old credentials fail cleanly.
import * as flow from "@seven-steps/http-flow";
import { apps } from "../../../apps.ts";
import { database } from "../../../fixtures/database.ts";
import { expect, signInAs, test } from "../../../fixtures/test.ts";
import { instructor, workshopUrls } from "../../../fixtures/workshop.ts";
import { asFlow, callApi, codeFlowOverHttp, instructorCookie, joinOverHttp, roomProgress } from "../../../fixtures/workshop-attendees.ts";

const issuer = apps.authorizationServer.url;

test("Reset room asks first, deletes every attendee's data and nothing else, and old links and credentials then fail", async ({ page }) => {
  test.setTimeout(120_000);
  // At least one attendee with a grant and tokens, whatever ran before.
  const attendee = await joinOverHttp("Reset Watcher");
  const tokens = await codeFlowOverHttp(attendee);
  expect((await callApi(tokens.access_token)).status).toBe(200);
  const attendeesBefore = await database.workshopAttendee.count();
  const demoUsersBefore = await database.user.count({ where: { workshopAttendee: null } });
  const demoClientsBefore = await database.client.count({ where: { workshopAttendee: null } });

  await page.goto(`${issuer}/sign-in?return_to=${encodeURIComponent("/workshop/room")}`);
  await signInAs(page, instructor.username, instructor.password);
  await expect(page.getByRole("row", { name: /Reset Watcher/ })).toBeVisible();

  // It asks first: the form needs the box ticked, and the button alone deletes nothing.
  await page.getByText("Reset room…").click();
  await page.getByRole("button", { name: "Reset the room" }).click();
  expect(await database.workshopAttendee.count()).toBe(attendeesBefore);
  await page.getByRole("checkbox", { name: /Yes, delete all/ }).check();
  await page.getByLabel(/New workshop code/).fill("after-reset-2207");
  await page.getByRole("button", { name: "Reset the room" }).click();
  await expect(page.getByRole("listitem").filter({ hasText: `${attendeesBefore} attendee` }).first()).toBeVisible();
  await expect(page.getByText(`${issuer}/workshop/join?code=after-reset-2207`)).toBeVisible();

  // The room is empty, the others stay.
  expect(await database.workshopAttendee.count()).toBe(0);
  expect(await database.user.count({ where: { workshopAttendee: null } })).toBe(demoUsersBefore);
  expect(await database.client.count({ where: { workshopAttendee: null } })).toBe(demoClientsBefore);
  expect(await database.user.findUnique({ where: { username: attendee.username } })).toBeNull();
  expect(await database.protocolExchange.count({ where: { clientId: attendee.clientId } })).toBe(0);
  expect((await roomProgress(await instructorCookie())).attendees).toEqual([]);
  await page.goto(workshopUrls.room);
  await expect(page.getByText("Nobody has joined yet.")).toBeVisible();

  // The old join link says the code is no longer valid.
  const oldLink = await fetch(workshopUrls.joinLink);
  expect(oldLink.status).toBe(400);
  expect(await oldLink.text()).toContain("no longer valid");

  // The old password, the old client secret and the old refresh token fail, with the spec's errors.
  const { client, user } = asFlow(attendee);
  await expect(flow.obtainCode(issuer, client, user)).rejects.toThrow();
  const signIn = await new flow.Browser(issuer).postForm("/sign-in/password", { username: user.username, password: user.password, return_to: "/" });
  expect(signIn.headers.get("location") ?? "").toContain("/sign-in");
  const refresh = await flow.tokenRequest(issuer, client, { grant_type: "refresh_token", refresh_token: tokens.refresh_token! });
  expect(refresh.status).toBe(401);
  expect(((await refresh.json()) as { error: string }).error).toBe("invalid_client");
});
