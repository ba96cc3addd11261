// One instance of PhotoCloud Accounts crashes (SIGKILL) while a user is on its sign-in page. The
// user signs in all the same: nginx finds the crashed instance refusing connections and sends
// those requests to the other one, which knows everything the first stored. Started again, the
// crashed instance takes its share of the requests once more.
import { crashInstance, startInstance } from "@seven-steps/devtools/scaled/instance";
import { instancesOf, upstreamAddress } from "@seven-steps/devtools/scaled/layout";
import { instanceEnvironment } from "@seven-steps/devtools/scaled/stack";
import { apps } from "../../apps.ts";
import { expect, signInAs, test } from "../../fixtures/test.ts";
import { accessLogFromNow } from "../access-log.ts";
import { scaledStackSettings } from "../stack-settings.ts";
import { answeredBy, instanceAddresses } from "../upstreams.ts";

const issuer = apps.authorizationServer.url;

test("an instance of PhotoCloud Accounts crashes after showing the sign-in page: the other finishes the sign-in, with no error shown", async ({
  page,
  testUser,
}) => {
  test.setTimeout(180_000);
  const settings = scaledStackSettings();
  const serverErrors: string[] = [];
  page.on("response", (response) => {
    if (response.status() >= 500) serverErrors.push(`${response.status()} ${response.url()}`);
  });

  await page.goto(apps.client.url);
  const signInPage = page.waitForResponse((response) => response.url().startsWith(`${issuer}/sign-in`) && response.request().isNavigationRequest());
  await page.getByRole("button", { name: "Sign in with PhotoCloud" }).click();
  await expect(page.getByRole("heading", { name: "Sign in to PhotoCloud" })).toBeVisible();
  const shownBy = answeredBy((await signInPage).headers());
  const crashed = instancesOf("authorizationServer").find((instance) => upstreamAddress(instance) === shownBy)!;
  const survivor = instancesOf("authorizationServer").find((instance) => upstreamAddress(instance) !== shownBy)!;

  // The user reads the page: everything it needed has arrived, and no request is under way.
  await page.waitForLoadState("networkidle");
  const log = accessLogFromNow();
  await crashInstance(crashed, settings);

  await signInAs(page, testUser.username, testUser.password);
  await page.getByRole("button", { name: "Allow" }).click();
  await expect(page).toHaveURL(`${apps.client.url}/photos`);
  await expect(page.getByRole("heading", { name: `${testUser.name}'s photos` })).toBeVisible();
  for (const title of testUser.photoTitles) await expect(page.getByRole("img", { name: title })).toBeVisible();
  expect(serverErrors).toEqual([]);

  // Behind the scenes: nginx tried the crashed instance, found it refusing connections, and sent
  // the request on to the survivor. From the crash on, no request through the proxy failed, and
  // every request for PhotoCloud Accounts (the browser's and PrintShop's) was answered by the survivor.
  const entries = log.read();
  expect(entries.filter((entry) => entry.status >= 500)).toEqual([]);
  const toAccounts = entries.filter((entry) => entry.upstreams.some((address) => instanceAddresses("authorizationServer").includes(address)));
  expect(toAccounts.length).toBeGreaterThan(0);
  for (const entry of toAccounts) expect(entry.upstreams.at(-1), entry.request).toBe(upstreamAddress(survivor));
  expect(toAccounts.filter((entry) => entry.upstreams.join(", ") === `${shownBy}, ${upstreamAddress(survivor)}`)).not.toEqual([]);

  // Started again, it answers through the proxy once nginx tries it again (after fail_timeout).
  await startInstance(crashed, settings, instanceEnvironment(settings));
  await expect
    .poll(
      async () => {
        const response = await fetch(`${issuer}/.well-known/oauth-authorization-server`);
        return `${response.status} from ${answeredBy(response.headers)}`;
      },
      { timeout: 20_000, intervals: [250] },
    )
    .toBe(`200 from ${shownBy}`);
});
