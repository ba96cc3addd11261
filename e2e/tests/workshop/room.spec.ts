// The "done when": an instructor and five attendees on the room's address (127.0.0.2),
// one browser context each. Every attendee joins and does exercises 1 (PrintShop and "How this
// worked"), 2 (the lab) and 4 (the API with their own client's token); one makes a PKCE mistake
// first. The instructor's dashboard shows every row right, the failure in plain words while it is
// the last word, and the mistake in the tally; a cell opens the attendee's flow.
import type { Page } from "@playwright/test";
import * as flow from "@seven-steps/http-flow";
import { apps } from "../../apps.ts";
import { expect, signInAs, test } from "../../fixtures/test.ts";
import { instructor, workshopUrls } from "../../fixtures/workshop.ts";
import {
  asFlow,
  callApi,
  codeFlowOverHttp,
  instructorCookie,
  joinInBrowser,
  roomProgress,
  type JoinedAttendee,
  type RoomProgress,
} from "../../fixtures/workshop-attendees.ts";

const issuer = apps.authorizationServer.url;
const names = ["Ada Room", "Grace Room", "Edsger Room", "Barbara Room", "Alan Room"];
const pkceMistakeBy = "Edsger Room";
const pkceWords = "PKCE: the code_verifier does not match the code_challenge";

function rowOf(progress: RoomProgress, displayName: string) {
  const row = progress.attendees.find((attendee) => attendee.displayName === displayName);
  if (!row) throw new Error(`${displayName} has no row on the dashboard.`);
  return row;
}

/** Exercise `number` on an attendee's exercises page. */
const exercise = (page: Page, number: number) => page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: new RegExp(`^${number}\\. `) }) });

const statesOf = (progress: RoomProgress, displayName: string) => rowOf(progress, displayName).cells.map((cell) => cell.state);

test("an instructor and five attendees: each joins and does exercises 1, 2 and 4, one makes a PKCE mistake, and the dashboard shows it all", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const cookie = await instructorCookie();

  // The instructor, on the normal sign-in page of the authorization server.
  const instructorContext = await browser.newContext();
  const dashboard = await instructorContext.newPage();
  await dashboard.goto(workshopUrls.room);
  await dashboard.getByRole("link", { name: /sign in/i }).first().click();
  await signInAs(dashboard, instructor.username, instructor.password);
  await expect(dashboard).toHaveURL(workshopUrls.room);
  await expect(dashboard.getByRole("table", { name: "Where each attendee is" })).toBeVisible();

  const attendees: JoinedAttendee[] = [];
  for (const name of names) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const attendee = await joinInBrowser(page, name);
    attendees.push(attendee);
    expect(attendee.clientId).toMatch(/^workshop-/);
    expect(attendee.redirectUri).toBe("http://localhost:3333/callback");
    await page.getByRole("link", { name: "Continue to the exercises" }).click();
    await expect(page).toHaveURL(workshopUrls.exercises);

    // Exercise 1: sign in through PrintShop, already signed in at PhotoCloud since joining, then "How this worked".
    await page.goto(apps.client.url);
    await page.getByRole("button", { name: "Sign in with PhotoCloud" }).click();
    await page.getByRole("button", { name: "Allow" }).click();
    await expect(page.getByRole("heading", { name: `${name}'s photos` })).toBeVisible();
    await page.goto(`${apps.client.url}/inspector`);
    await expect(page).toHaveURL(/\/inspector\/[\w-]+$/);

    // Exercise 2: the lab, by hand, steps 1 to 7.
    await page.goto(`${apps.client.url}/lab`);
    await page.getByRole("button", { name: "Next: send the authorization request" }).click();
    await page.getByRole("button", { name: "Allow" }).click();
    await page.getByRole("button", { name: "Next: exchange the code" }).click();
    await page.getByRole("button", { name: "Next: call the API" }).click();
    await expect(page.getByRole("heading", { name: "Step 7: Resource delivery" })).toBeVisible();

    if (name === pkceMistakeBy) {
      // Exercise 3 gone wrong: the code redeemed with a verifier that is not the one of its challenge.
      const { client, user } = asFlow(attendee);
      const { code } = await flow.obtainCode(issuer, client, user, "profile photos:read");
      const refused = await flow.tokenRequest(issuer, client, {
        grant_type: "authorization_code",
        code,
        redirect_uri: client.redirectUri,
        code_verifier: "a".repeat(43),
      });
      expect(refused.status).toBe(400);
      expect(((await refused.json()) as { error: string }).error).toBe("invalid_grant");
      await expect
        .poll(async () => rowOf(await roomProgress(cookie), name).cells[2])
        .toMatchObject({ state: "failed", failure: { error: "invalid_grant", words: pkceWords } });
      await page.goto(workshopUrls.exercises);
      await expect(exercise(page, 3)).toContainText("Failed at");
      await expect(exercise(page, 3)).toContainText(pkceWords);
    }

    // Exercises 3 and 4: their own client's code flow, then the API with its access token.
    const tokens = await codeFlowOverHttp(attendee);
    const photos = await callApi(tokens.access_token);
    expect(photos.status).toBe(200);

    // The attendee's own page marks exercise 1 done from what the server saw.
    await page.goto(workshopUrls.exercises);
    for (const number of [1, 2, 3, 4]) await expect(exercise(page, number)).toContainText("Done", { timeout: 10_000 });
  }

  // Every row right: exercises 1 to 4 reached, 5 to 7 not yet.
  await expect
    .poll(async () => {
      const progress = await roomProgress(cookie);
      return names.map((name) => statesOf(progress, name));
    })
    .toEqual(names.map(() => ["reached", "reached", "reached", "reached", "not-yet", "not-yet", "not-yet"]));
  const progress = await roomProgress(cookie);
  for (const attendee of attendees) expect(rowOf(progress, attendee.displayName)).toMatchObject({ username: attendee.username, clientId: attendee.clientId });
  // (Other tests of this stack run in the same room at the same time, with mistakes of their own.)
  expect(progress.mistakes).toContainEqual(expect.objectContaining({ words: pkceWords, error: "invalid_grant", attendees: 1 }));

  // The page itself, updated live: each row, and the mistake in the tally.
  for (const name of names) {
    const row = dashboard.getByRole("row", { name: new RegExp(name) });
    await expect(row.getByText("Reached")).toHaveCount(4);
    await expect(row.getByText("Not yet")).toHaveCount(3);
  }
  await expect(dashboard.getByText(pkceWords)).toBeVisible();

  // A click on a cell opens that attendee's flow in the inspector.
  await dashboard.getByRole("link", { name: `${names[0]}, exercise 1: Reached` }).click();
  await expect(dashboard).toHaveURL(/\/workshop\/room\/flows\//);
  await expect(dashboard.getByText("PrintShop").first()).toBeVisible();
});
