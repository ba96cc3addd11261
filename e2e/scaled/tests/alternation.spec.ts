// nginx sends consecutive requests to an app's two instances in turn, so the steps of one flow
// are spread over both: each instance carries on from what the other stored in the database.
// This project runs before any other (playwright.scaled.config.ts): with no other traffic, the
// round robin alternates strictly, and the tests below can say which instance comes next.
import { apps } from "../../apps.ts";
import { authorizationRequest, authorize, Browser, signInOverHttp, tokenRequest } from "../../fixtures/http-flow.ts";
import { expect, signInAs, test } from "../../fixtures/test.ts";
import { answeredBy, instanceAddresses } from "../upstreams.ts";

/** A browser that notes which instance answered each of its requests. */
class RecordingBrowser extends Browser {
  readonly answers: { request: string; instance: string }[] = [];

  override async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const response = await super.fetch(url, init);
    this.answers.push({ request: `${init.method ?? "GET"} ${new URL(url).pathname}`, instance: answeredBy(response.headers) });
    return response;
  }
}

/** Every answer came from the other instance than the one before. */
function expectAlternation(answers: { request: string; instance: string }[]): void {
  for (const [index, answer] of answers.entries()) {
    if (index === 0) continue;
    const previous = answers[index - 1]!;
    expect(answer.instance, `${answer.request} was answered by the instance that answered ${previous.request}`).not.toBe(previous.instance);
  }
}

test("PhotoCloud Accounts: the six requests of a sign-in alternate between its instances, each carrying on from the other", async ({
  testClient,
  testUser,
}) => {
  const browser = new RecordingBrowser();
  const request = await authorizationRequest(testClient);
  const callback = await authorize(browser, testUser, request);
  const code = callback.searchParams.get("code");
  expect(code, `the redirect to the client carries a code: ${callback.toString()}`).toBeTruthy();
  const token = await tokenRequest(testClient, {
    grant_type: "authorization_code",
    code: code!,
    redirect_uri: testClient.redirectUri,
    code_verifier: request.verifier,
  });
  expect(token.status).toBe(200);

  // The session cookie set by one instance signs the user in at the other; the consent form's
  // CSRF token and the code, stored by one, are accepted by the other.
  const answers = [...browser.answers, { request: "POST /token", instance: answeredBy(token.headers) }];
  expect(answers.map((answer) => answer.request)).toEqual([
    "GET /authorize",
    "POST /sign-in/password",
    "GET /authorize",
    "GET /consent",
    "POST /consent/decision",
    "POST /token",
  ]);
  expectAlternation(answers);
  expect(new Set(answers.map((answer) => answer.instance))).toEqual(new Set(instanceAddresses("authorizationServer")));
});

test("PhotoCloud API: one access token is accepted by both instances, in turn", async ({ testClient, testUser }) => {
  const { tokens } = await signInOverHttp(testClient, testUser);
  const answers: { request: string; instance: string }[] = [];
  for (let call = 1; call <= 4; call++) {
    const response = await fetch(`${apps.resourceApi.url}/photos`, { headers: { authorization: `Bearer ${tokens.access_token}` } });
    expect(response.status, `call ${call}`).toBe(200);
    answers.push({ request: `GET /photos (call ${call})`, instance: answeredBy(response.headers) });
  }
  expectAlternation(answers);
  expect(new Set(answers.map((answer) => answer.instance))).toEqual(new Set(instanceAddresses("resourceApi")));
});

test("PrintShop: a session one instance made is honoured by the other", async ({ page, testUser }) => {
  await page.goto(apps.client.url);
  await page.getByRole("button", { name: "Sign in with PhotoCloud" }).click();
  await signInAs(page, testUser.username, testUser.password);
  await page.getByRole("button", { name: "Allow" }).click();
  await expect(page.getByRole("heading", { name: `${testUser.name}'s photos` })).toBeVisible();

  // The page's own requests (pictures, prefetches) also take turns, so this asks until each
  // instance has shown the photos page with the browser's cookies.
  const served = new Set<string>();
  for (let attempt = 1; attempt <= 6 && served.size < 2; attempt++) {
    const response = await page.request.get(`${apps.client.url}/photos`, { maxRedirects: 0 });
    expect(response.status()).toBe(200);
    const html = await response.text();
    for (const title of testUser.photoTitles) expect(html).toContain(title);
    served.add(answeredBy(response.headers()));
  }
  expect(served).toEqual(new Set(instanceAddresses("client")));
});
