// A room at scale: WORKSHOP_ATTENDEES attendees (8 in `npm test`; 60 with `npm run
// test:workshop:scale`) join at once and sign in, each through their own client, and call the API
// (exercises 3 and 4). Meanwhile one of them floods the server with wrong passwords and a client
// of theirs with wrong secrets. Nobody else is paused, the instructor's dashboard keeps answering,
// every row is right, and no attendee can see another's flow, client or secret. The time it took
// is printed, not asserted: speed is measured by the benchmark, never by a test.
import * as flow from "@seven-steps/http-flow";
import { apps } from "../../apps.ts";
import { expect, test } from "../../fixtures/test.ts";
import { workshopUrls } from "../../fixtures/workshop.ts";
import { asFlow, callApi, codeFlowOverHttp, instructorCookie, joinOverHttp, roomProgress, type JoinedAttendee } from "../../fixtures/workshop-attendees.ts";

const issuer = apps.authorizationServer.url;
const size = Number(process.env.WORKSHOP_ATTENDEES || 8);
/** How many attendees act at the same moment: a room's laptops, not a load generator's. */
const atOnce = Math.min(size, 20);

/** Runs `task` for each item, `limit` at a time. */
async function inBatches<Item, Result>(items: Item[], limit: number, task: (item: Item) => Promise<Result>): Promise<Result[]> {
  const results: Result[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await task(items[index]!);
      }
    }),
  );
  return results;
}

test(`${size} attendees join and sign in at once, each through their own client; the dashboard keeps up and every row is right`, async () => {
  test.setTimeout(Math.max(120_000, size * 4_000));
  const cookie = await instructorCookie();
  const names = Array.from({ length: size }, (_, index) => `Scale Attendee ${index + 1}`);

  const started = Date.now();
  let dashboardAnswers = 0;
  let slowestAnswer = 0;
  let stopPolling = false;
  // The dashboard, polled as its page does every 2 seconds, while the room works.
  const polling = (async () => {
    while (!stopPolling) {
      const asked = Date.now();
      await roomProgress(cookie);
      slowestAnswer = Math.max(slowestAnswer, Date.now() - asked);
      dashboardAnswers += 1;
      await new Promise((resolve) => setTimeout(resolve, 2_000));
    }
  })();

  const attendees: JoinedAttendee[] = await inBatches(names, atOnce, async (name) => {
    const attendee = await joinOverHttp(name);
    const tokens = await codeFlowOverHttp(attendee);
    expect((await callApi(tokens.access_token)).status).toBe(200);
    return attendee;
  });
  const seconds = (Date.now() - started) / 1000;

  // One attendee floods: thirty wrong passwords (their account is paused) and thirty wrong client secrets.
  const flooder = attendees[0]!;
  const { client } = asFlow(flooder);
  await Promise.all(
    Array.from({ length: 30 }, () =>
      new flow.Browser(issuer).postForm("/sign-in/password", { username: flooder.username, password: "not-my-password", return_to: "/" }),
    ),
  );
  await Promise.all(
    Array.from({ length: 30 }, () => flow.tokenRequest(issuer, { ...client, secret: "wrong-secret" }, { grant_type: "refresh_token", refresh_token: "x" })),
  );
  // Everyone else still signs in, and so does the instructor.
  await inBatches(attendees.slice(1), atOnce, async (attendee) => {
    const tokens = await codeFlowOverHttp(attendee);
    expect(tokens.access_token).toBeTruthy();
  });
  await instructorCookie();

  stopPolling = true;
  await polling;
  console.info(`Workshop at scale: ${size} attendees joined and signed in through their own clients in ${seconds.toFixed(1)} s; the dashboard answered ${dashboardAnswers} polls meanwhile, the slowest in ${slowestAnswer} ms.`);

  // Every row right: exercises 3 and 4 reached, from each attendee's own client.
  await expect
    .poll(async () => {
      const progress = await roomProgress(cookie);
      return names.map((name) => {
        const row = progress.attendees.find((attendee) => attendee.displayName === name);
        return row ? [row.clientId, row.cells[2]?.state, row.cells[3]?.state] : null;
      });
    })
    .toEqual(attendees.map((attendee) => [attendee.clientId, "reached", "reached"]));

  // One attendee sees nothing of another's: not the dashboard, not their flows, not their client.
  const [ada, grace] = [attendees[0]!, attendees[1]!];
  const graceSession = await new flow.Browser(issuer).postForm("/sign-in/password", { username: grace.username, password: grace.password, return_to: "/" });
  const graceCookie = graceSession.headers.getSetCookie().find((header) => header.startsWith("photocloud_session="))!.split(";")[0]!;
  expect((await fetch(`${workshopUrls.room}/progress`, { headers: { cookie: graceCookie } })).status).toBe(403);
  const adaRow = (await roomProgress(cookie)).attendees.find((attendee) => attendee.displayName === ada.displayName)!;
  const adaFlow = adaRow.cells[2]!.state === "reached" ? (adaRow.cells[2] as { flowId: string }).flowId : "";
  const adaFlowForGrace = await (await fetch(`${workshopUrls.room}/flows/${adaFlow}`, { headers: { cookie: graceCookie } })).text();
  expect(adaFlowForGrace).toContain("Only the instructor may open the attendees’ flows.");
  expect(adaFlowForGrace).not.toContain(ada.clientId);
  const gracePage = await (await fetch(workshopUrls.exercises, { headers: { cookie: graceCookie } })).text();
  expect(gracePage).toContain(grace.clientId);
  expect(gracePage).not.toContain(ada.clientId);
  expect(gracePage).not.toContain(grace.clientSecret);
});
