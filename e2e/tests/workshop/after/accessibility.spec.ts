// Accessibility of the workshop's pages, on the workshop's stack: axe-core against WCAG 2.1 A and
// AA, light and dark, as for every other page (fixtures/accessibility.ts). One attendee joins and
// works, then the instructor opens the dashboard, a flow of theirs and, last, Reset room's
// report. It runs after the room's other tests, since it resets the room (playwright.workshop
// .config.ts), and it sets the room's code back to the one the tests use.
import { auditEveryPage, visit, type Visit } from "../../../fixtures/accessibility.ts";
import { expect, signInAs, test } from "../../../fixtures/test.ts";
import { instructor, workshopCode, workshopUrls } from "../../../fixtures/workshop.ts";
import { codeFlowOverHttp, type JoinedAttendee } from "../../../fixtures/workshop-attendees.ts";

const name = "Axe Walker";

/** What the walk carries: the attendee it joined as. */
interface Run {
  attendee?: JoinedAttendee;
}

const shownValue = (page: Parameters<Visit<Run>["open"]>[0], label: string) =>
  page.locator("p", { hasText: new RegExp(`^${label}$`) }).locator("xpath=following-sibling::p[1]").innerText();

const workshopPages: Visit<Run>[] = [
  { name: "Join page, from the join link", open: (page) => visit(page, workshopUrls.joinLink, "Join the workshop") },
  {
    name: "Join page, a port refused",
    open: async (page) => {
      await page.getByLabel("Display name").fill(name);
      await page.getByLabel("Port on your laptop").fill("80");
      await page.getByRole("button", { name: "Join" }).click();
      await expect(page.locator("#port-error")).toBeVisible();
    },
  },
  {
    name: "Welcome page, the credentials shown once",
    open: async (page, run) => {
      await page.getByLabel("Port on your laptop").fill("3333");
      await page.getByRole("button", { name: "Join" }).click();
      await expect(page.getByRole("heading", { name: `Welcome to the workshop, ${name}` })).toBeVisible();
      run.attendee = {
        displayName: name,
        username: await shownValue(page, "username"),
        password: await shownValue(page, "password"),
        clientId: await shownValue(page, "client_id"),
        clientSecret: await shownValue(page, "client_secret"),
        redirectUri: "http://localhost:3333/callback",
      };
    },
  },
  {
    name: "Welcome page, reloaded",
    open: async (page) => {
      await page.reload();
      await expect(page.getByRole("heading", { name: "These credentials were already shown" })).toBeVisible();
    },
  },
  {
    name: "Exercises, one done",
    open: async (page, run) => {
      await codeFlowOverHttp(run.attendee!);
      await visit(page, workshopUrls.exercises, `Your exercises, ${name}`);
      await expect(page.getByText("Done").first()).toBeVisible({ timeout: 10_000 });
    },
  },
  { name: "Room dashboard, for an attendee", open: (page) => visit(page, workshopUrls.room, "The workshop room is the instructor’s") },
  {
    name: "Room dashboard, the instructor's",
    open: async (page) => {
      await page.getByRole("link", { name: /sign in/i }).first().click();
      await signInAs(page, instructor.username, instructor.password);
      await expect(page.getByRole("heading", { name: "Workshop room" })).toBeVisible();
      await expect(page.getByRole("row", { name: new RegExp(name) })).toBeVisible();
    },
  },
  {
    name: "Room dashboard, Reset room open",
    open: async (page) => {
      await page.getByText("Reset room…").click();
      await expect(page.getByRole("button", { name: "Reset the room" })).toBeVisible();
    },
  },
  {
    name: "An attendee's flow, opened from the dashboard",
    open: async (page) => {
      await page.reload();
      await page.getByRole("row", { name: new RegExp(name) }).getByRole("link").first().click();
      await expect(page.getByText(`a flow of ${name}`)).toBeVisible();
    },
  },
  { name: "Exercises, for the instructor", open: (page) => visit(page, workshopUrls.exercises, "The exercises are the attendees’") },
  {
    name: "Reset room's report",
    open: async (page) => {
      await page.goto(workshopUrls.room);
      await page.getByText("Reset room…").click();
      await page.getByRole("checkbox", { name: /Yes, delete all/ }).check();
      await page.getByLabel(/New workshop code/).fill(workshopCode);
      await page.getByRole("button", { name: "Reset the room" }).click();
      await expect(page.getByRole("heading", { name: "The room was reset" })).toBeVisible();
    },
  },
];

test("axe finds no serious or critical WCAG 2.1 AA violation on the workshop's pages, light and dark", async ({ browser }) => {
  test.setTimeout(120_000);
  await auditEveryPage(browser, workshopPages, {});
});
