// What the four protagonists do when a server stops, crashes or starts late. These tests run
// their own three apps (fixtures/fault-stack.ts) so that they can stop and start them, on their own
// ports and their own database; the main suite's servers are left alone.
import type { Page } from "@playwright/test";
import { hashSecret } from "@seven-steps/authorization-server/secret-hash";
import { decodeJwt } from "jose";
import { faultsDatabase, mintAccessToken, registerFaultClient, registerFaultUser, type FaultUser } from "../../fixtures/fault-accounts.ts";
import { Browser, newCode, redemption, signInOverHttp, tokenRequest } from "../../fixtures/fault-http-flow.ts";
import {
  configureFaultStack,
  crashApp,
  createFaultsDatabase,
  faultApps,
  startApp,
  startStoppedApps,
  stopApp,
  stopEveryApp,
} from "../../fixtures/fault-stack.ts";
import { expect, signInAs, test } from "../../fixtures/test.ts";

const printShop = faultApps.client.url;
const photoApi = faultApps.resourceApi.url;

// Every test shares one stack and stops parts of it, so they run one after another in one worker.
// After a failure Playwright continues in a new worker, whose beforeAll builds a new stack.
test.describe.configure({ mode: "default" });

// Three-second access tokens, so that a test can wait for one to expire.
configureFaultStack({ ACCESS_TOKEN_TTL_SECONDS: "3" });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  await createFaultsDatabase();
  await startStoppedApps();
});

// Each test leaves the three apps running; this puts back whatever a failed test left stopped.
test.beforeEach(async () => {
  test.setTimeout(90_000);
  await startStoppedApps();
});

test.afterAll(async () => {
  test.setTimeout(60_000);
  await stopEveryApp();
});

/** Every answer of PrintShop with a 5xx status: a crash seen from the browser. */
function serverErrorsOf(page: Page): string[] {
  const errors: string[] = [];
  page.on("response", (response) => {
    if (response.url().startsWith(printShop) && response.status() >= 500) errors.push(`${response.status()} ${response.url()}`);
  });
  return errors;
}

/** What a user must never be shown: a stack trace, or the raw error of a failed connection. */
const internals = /ECONNREFUSED|fetch failed|TypeError|\n\s+at \S+ \(|\.js:\d+:\d+/;

/**
 * PrintShop's notice that a server it needs is not answering: a passing fault, so it asks the user
 * to try again rather than to sign in again, and shows nothing of the failed connection.
 */
async function expectNotAnsweringNotice(page: Page, heading: string): Promise<void> {
  const notice = page.getByRole("alert").filter({ has: page.getByRole("heading", { name: heading }) });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText("Try again in a moment.");
  await expect(notice.getByRole("button", { name: "Sign in again" })).toHaveCount(0);
  await expect(page.locator("body")).not.toContainText(internals);
}

/** Steps 1 to 7 in the browser, for a user who has not allowed PrintShop yet. */
async function signInAtPrintShop(page: Page, user: FaultUser): Promise<void> {
  await page.goto(printShop);
  await page.getByRole("button", { name: "Sign in with PhotoCloud" }).click();
  await signInAs(page, user.username, user.password);
  await page.getByRole("button", { name: "Allow" }).click();
  await expectPhotosOf(page, user);
}

async function expectPhotosOf(page: Page, user: FaultUser): Promise<void> {
  await expect(page).toHaveURL(`${printShop}/photos`);
  await expect(page.getByRole("heading", { name: `${user.name}'s photos` })).toBeVisible();
  for (const title of user.photoTitles) {
    const picture = page.getByRole("img", { name: title });
    await expect(picture).toBeVisible();
    // Loaded, not only laid out: a picture still on its way when a test stops the API would get
    // PrintShop's 502 (the API did not answer its proxy), which is right but not what is tested.
    await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  }
}

/**
 * PrintShop's sign-in problem page (apps/client/src/app/sign-in/problem/page.tsx): an explanation,
 * the error's name, and a way to try again.
 */
async function expectSignInProblemPage(page: Page): Promise<void> {
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("main").getByText(/^error=\w+/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Try again" })).toBeVisible();
}

/** PrintShop's sessions for a user: the rows that hold its tokens (apps/client/src/tokens/). */
function clientSessionsOf(user: FaultUser) {
  return faultsDatabase().clientSession.findMany({ where: { subject: user.id } });
}

test.describe("the authorization server is stopped in the middle of a flow: the client shows a clear error", () => {
  test("Sign in with PhotoCloud while PhotoCloud Accounts is stopped: PrintShop's sign-in problem page says it did not answer", async ({ page }) => {
    const user = await registerFaultUser();
    const serverErrors = serverErrorsOf(page);
    await page.goto(printShop);
    await stopApp("authorizationServer");

    // next-auth cannot fetch the metadata (RFC 8414) to build the authorization request: OAuthSignin.
    await page.getByRole("button", { name: "Sign in with PhotoCloud" }).click();
    await expect(page.getByRole("heading", { name: "PrintShop could not start the sign-in" })).toBeVisible();
    await expect(page.getByText("PhotoCloud Accounts did not answer. Check that it is running, then try again.")).toBeVisible();
    await expect(page.getByText("error=OAuthSignin")).toBeVisible();
    await expect(page.locator("body")).not.toContainText(internals);
    expect(serverErrors).toEqual([]);

    // Once it is back, "Try again" leads to PhotoCloud's sign-in, and on to the photos.
    await startApp("authorizationServer");
    await page.getByRole("button", { name: "Try again" }).click();
    await expect(page.getByRole("heading", { name: "Sign in to PhotoCloud" })).toBeVisible();
    await signInAs(page, user.username, user.password);
    await page.getByRole("button", { name: "Allow" }).click();
    await expectPhotosOf(page, user);
    expect(serverErrors).toEqual([]);
  });

  test("PhotoCloud Accounts stops after sending the code, before PrintShop redeems it: the sign-in problem page, and the code stays unused", async ({
    page,
  }) => {
    const user = await registerFaultUser();
    const serverErrors = serverErrorsOf(page);
    await page.goto(printShop);
    await page.getByRole("button", { name: "Sign in with PhotoCloud" }).click();
    await signInAs(page, user.username, user.password);

    // Step 3: the server answers Allow with the redirect carrying the code; it stops before the
    // browser follows it to PrintShop, so PrintShop's token request (step 4) finds nobody.
    await page.route(`${faultApps.authorizationServer.url}/consent/decision`, async (route) => {
      // Chromium adds Sec-Fetch-Site after interception; the server needs it to accept the form.
      const headers = { ...(await route.request().allHeaders()), "sec-fetch-site": "same-origin" };
      const redirectWithCode = await route.fetch({ headers, maxRedirects: 0 });
      await stopApp("authorizationServer");
      await route.fulfill({ response: redirectWithCode });
    });
    await page.getByRole("button", { name: "Allow" }).click();
    // A graceful stop waits a few seconds for open connections to finish.
    await page.waitForURL(`${printShop}/**`, { timeout: 20_000 });

    await expectSignInProblemPage(page);
    await expect(page.getByRole("main")).toContainText(/PhotoCloud Accounts (did not|is not) answer/);
    await expect(page.locator("body")).not.toContainText(internals);
    expect(serverErrors).toEqual([]);
    expect(await clientSessionsOf(user)).toEqual([]);
    const codes = await faultsDatabase().authorizationCode.findMany({ where: { userId: user.id } });
    expect(codes).toHaveLength(1);
    expect(codes[0]!.consumedAt).toBeNull();

    await page.unrouteAll();
    await startApp("authorizationServer");
    await page.getByRole("button", { name: "Try again" }).click();
    await expectPhotosOf(page, user);
  });

  test("an expired access token while PhotoCloud Accounts is stopped: PrintShop says it is not answering, and keeps the session", async ({
    page,
  }) => {
    const user = await registerFaultUser();
    const serverErrors = serverErrorsOf(page);
    await signInAtPrintShop(page, user);
    const [session] = await clientSessionsOf(user);

    await stopApp("authorizationServer");
    // The stack's access tokens live three seconds; this one must be dead, so PrintShop must
    // refresh it (RFC 6749 §6) and cannot.
    await expect.poll(() => Date.now(), { timeout: 10_000 }).toBeGreaterThan(session!.accessTokenExpiresAt.getTime());
    await page.reload();

    await expectNotAnsweringNotice(page, "PhotoCloud Accounts is not answering");
    expect(serverErrors).toEqual([]);
    // Nothing was refused, so nothing ends: the same session and refresh token are kept.
    const [kept] = await clientSessionsOf(user);
    expect(kept).toMatchObject({ id: session!.id, endedAt: null, refreshToken: session!.refreshToken });

    await startApp("authorizationServer");
    await page.reload();
    await expectPhotosOf(page, user);
    const sessions = await clientSessionsOf(user);
    expect(sessions.map((row) => row.id)).toEqual([session!.id]);
    expect(sessions[0]!.refreshToken).not.toBe(session!.refreshToken);
  });
});

test.describe("a server is stopped while a user is signed in at PrintShop", () => {
  test("the PhotoCloud API is stopped: PrintShop says it is not answering, keeps the session, and shows the photos once it is back", async ({
    page,
  }) => {
    const user = await registerFaultUser();
    const serverErrors = serverErrorsOf(page);
    await signInAtPrintShop(page, user);
    const [session] = await clientSessionsOf(user);

    await stopApp("resourceApi");
    await page.reload();
    await expectNotAnsweringNotice(page, "The PhotoCloud API is not answering");
    expect(serverErrors).toEqual([]);
    expect(await clientSessionsOf(user)).toMatchObject([{ id: session!.id, endedAt: null }]);

    await startApp("resourceApi");
    await page.reload();
    await expectPhotosOf(page, user);
  });

  test("Sign out while PhotoCloud Accounts is stopped: PrintShop signs the user out and forgets the tokens all the same", async ({ page }) => {
    const user = await registerFaultUser();
    const serverErrors = serverErrorsOf(page);
    await signInAtPrintShop(page, user);
    expect(await clientSessionsOf(user)).toHaveLength(1);

    // PrintShop cannot give its refresh token back (RFC 7009); it must still sign the user out.
    await stopApp("authorizationServer");
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByRole("button", { name: "Sign in with PhotoCloud" })).toBeVisible();
    await page.goto(`${printShop}/photos`);
    await expect(page.getByText("Sign in with your PhotoCloud account to see your photos here.")).toBeVisible();
    expect(await clientSessionsOf(user)).toEqual([]);
    expect(serverErrors).toEqual([]);
  });
});

test.describe("the server is started again: a new sign-in works, and finished grants are still there", () => {
  /** A grant's rows, everything the authorization server stored for it. */
  function grantRows(grantId: string) {
    return faultsDatabase().grant.findUniqueOrThrow({
      where: { id: grantId },
      include: { authorizationCode: true, refreshTokens: { orderBy: { id: "asc" } }, accessTokens: { orderBy: { jti: "asc" } } },
    });
  }

  for (const [how, halt] of [
    ["stopped", stopApp],
    ["crashed", crashApp],
  ] as const) {
    test(`PhotoCloud Accounts ${how} and started again: a new sign-in works, and an earlier grant is unchanged and still refreshes`, async ({
      page,
    }) => {
      const client = await registerFaultClient({ refreshTokens: true });
      const earlier = await registerFaultUser();
      const { tokens } = await signInOverHttp(client, earlier, new Browser());
      const { grantId } = await faultsDatabase().accessToken.findUniqueOrThrow({ where: { jti: decodeJwt(tokens.access_token).jti! } });
      const before = await grantRows(grantId!);

      await halt("authorizationServer");
      await startApp("authorizationServer");

      // A new user signs in at PrintShop, steps 1 to 7, in a browser.
      await signInAtPrintShop(page, await registerFaultUser());

      // The grant finished before is stored exactly as it was...
      expect(await grantRows(grantId!)).toEqual(before);
      expect(before.revokedAt).toBeNull();
      // ...and its refresh token is accepted (RFC 6749 §6), by the same signing key.
      const refreshed = await tokenRequest(client, { grant_type: "refresh_token", refresh_token: tokens.refresh_token! });
      expect(refreshed.status).toBe(200);
      const renewed = (await refreshed.json()) as { access_token: string; refresh_token: string };
      expect(renewed.refresh_token).not.toBe(tokens.refresh_token);
      const photos = await fetch(`${photoApi}/photos`, { headers: { authorization: `Bearer ${renewed.access_token}` } });
      expect(photos.status).toBe(200);
    });
  }
});

test.describe("the resource API started before the authorization server validates tokens once the server is up", () => {
  test("started while PhotoCloud Accounts is down, the API answers 401 or 503 and never crashes, then validates tokens without a restart", async () => {
    const user = await registerFaultUser();
    const client = await registerFaultClient({ refreshTokens: false });
    // A token signed by the server's own key, valid for ten minutes: the API cannot tell it from
    // one the server issued, and it outlives the restarts below.
    const token = await mintAccessToken(user, client.id, "profile photos:read");
    await stopApp("resourceApi");
    await stopApp("authorizationServer");
    await startApp("resourceApi");

    const photos = (authorization?: string) => fetch(`${photoApi}/photos`, { headers: authorization ? { authorization } : {} });

    // No credentials: 401 with the realm only (RFC 6750 §3.1), no key needed to say so.
    const anonymous = await photos();
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("www-authenticate")).toMatch(/^Bearer realm="PhotoCloud API", resource_metadata="[^"]+", DPoP /);
    // Not a JWT at all: refused as invalid_token (RFC 6750 §3.1), no key needed either.
    const malformed = await photos("Bearer not-a-jwt");
    expect(malformed.status).toBe(401);
    expect(malformed.headers.get("www-authenticate")).toContain('error="invalid_token"');
    // A well-formed token: its signature cannot be checked without the keys. Not the token's
    // fault, so no 401: 503 (RFC 9110 §15.6.4) with Retry-After, every time it is asked.
    for (let attempt = 0; attempt < 3; attempt++) {
      const unverifiable = await photos(`Bearer ${token}`);
      expect(unverifiable.status).toBe(503);
      expect(unverifiable.headers.get("retry-after")).toBeTruthy();
      expect(unverifiable.headers.get("cache-control")).toBe("no-store");
      expect(await unverifiable.json()).toEqual({ error: "temporarily_unavailable", error_description: expect.any(String) });
    }

    await startApp("authorizationServer");
    // The API fetches the metadata and the JWKS now (RFC 8414, RFC 9068 §4), without a restart.
    const verified = await photos(`Bearer ${token}`);
    expect(verified.status).toBe(200);
    const { tokens } = await signInOverHttp(client, user, new Browser());
    const issued = await photos(`Bearer ${tokens.access_token}`);
    expect(issued.status).toBe(200);
    const body = (await issued.json()) as { photos: { title: string }[] };
    expect(body.photos.map((photo) => photo.title).sort()).toEqual([...user.photoTitles].sort());
  });

  test("while PhotoCloud Accounts is stopped, a running API keeps validating tokens with the keys it already has", async () => {
    const user = await registerFaultUser();
    const client = await registerFaultClient({ refreshTokens: false });
    const { tokens } = await signInOverHttp(client, user, new Browser());
    const token = await mintAccessToken(user, client.id, "photos:read");
    const photos = (accessToken: string) => fetch(`${photoApi}/photos`, { headers: { authorization: `Bearer ${accessToken}` } });
    expect((await photos(tokens.access_token)).status).toBe(200);

    await crashApp("authorizationServer");
    // Local validation (RFC 9068 §4) needs only the cached keys: no call to the server.
    expect((await photos(token)).status).toBe(200);
  });
});

test.describe("a crash during a token request leaves no code both consumed and unanswered", () => {
  /** A token endpoint answer, or null when the server died before answering. */
  type Answer = { status: number; body: { access_token?: string; refresh_token?: string } } | null;

  /**
   * Sends every token request at once, and crashes the authorization server as soon as the first
   * `answersBeforeCrash` of them are answered: the rest are in flight, somewhere between the
   * network and the database, or not yet read.
   */
  async function sendAllAndCrash(requests: (() => Promise<Response>)[], answersBeforeCrash: number): Promise<Answer[]> {
    let settled = 0;
    let enoughAnswers!: () => void;
    const crashTime = new Promise<void>((resolve) => (enoughAnswers = resolve));
    const answers = requests.map(async (send): Promise<Answer> => {
      try {
        const response = await send();
        return { status: response.status, body: await response.json() };
      } catch {
        return null;
      } finally {
        if (++settled === answersBeforeCrash) enoughAnswers();
      }
    });
    await crashTime;
    await crashApp("authorizationServer");
    return Promise.all(answers);
  }

  /** How many answers the client got, and how many requests the crash cut off. */
  function tally(answers: Answer[][], committedButUnanswered: number) {
    const all = answers.flat();
    const unanswered = all.filter((answer) => answer === null).length;
    test.info().annotations.push({
      type: "crashes",
      description: `${all.length - unanswered} answered, ${unanswered} cut off, of which ${committedButUnanswered} had already committed`,
    });
    // The crashes did cut requests off, and did let others through: the test saw both sides.
    expect(unanswered).toBeGreaterThan(0);
    expect(all.length - unanswered).toBeGreaterThan(0);
  }

  async function expectDatabaseIntact(): Promise<void> {
    expect(await faultsDatabase().$queryRawUnsafe("PRAGMA integrity_check")).toEqual([{ integrity_check: "ok" }]);
  }

  // Three crashes, each after a different number of answers, so that they land at different
  // points of the requests' lives.
  const crashAfterAnswers = [1, 4, 12];

  test("after SIGKILL in the middle of many code redemptions, every code is unused or has its complete grant", async () => {
    test.setTimeout(180_000);
    const user = await registerFaultUser();
    const clients = [await registerFaultClient({ refreshTokens: true }), await registerFaultClient({ refreshTokens: false })];
    const browser = new Browser();
    const database = faultsDatabase();
    const everyAnswer: Answer[][] = [];
    let committedButUnanswered = 0;

    for (const answersBeforeCrash of crashAfterAnswers) {
      const codes = [];
      for (let index = 0; index < 30; index++) {
        const client = clients[index % 2]!;
        codes.push({ client, ...(await newCode(browser, user, client)) });
      }
      const answers = await sendAllAndCrash(
        codes.map(({ client, code, verifier }) => () => redemption(client, code, verifier)),
        answersBeforeCrash,
      );
      everyAnswer.push(answers);
      await startApp("authorizationServer");

      // The code is consumed, the grant created and linked, the access token recorded and the
      // refresh token stored in one transaction (apps/authorization-server/src/oauth/grants/
      // authorization-code.ts). SQLite commits a transaction atomically, and a process killed
      // before the commit leaves none of its writes: so a crash can leave a code unused, or
      // used with its whole grant, never used without tokens. (A crash after the commit and
      // before the answer leaves a complete grant whose tokens the client never received; if the
      // client tries the code again, the server refuses it and revokes that grant, RFC 6749
      // §4.1.2, which fails safe.)
      for (const [index, { client, code, verifier }] of codes.entries()) {
        const answer = answers[index]!;
        const row = await database.authorizationCode.findUniqueOrThrow({
          where: { codeHash: hashSecret(code) },
          include: { grant: { include: { accessTokens: true, refreshTokens: true } } },
        });
        if (answer) {
          // Every answer the client received is a success, and was stored before it was sent.
          expect(answer.status, JSON.stringify(answer.body)).toBe(200);
          expect(row.consumedAt).not.toBeNull();
          expect(row.grant!.accessTokens.map((token) => token.jti)).toContain(decodeJwt(answer.body.access_token!).jti);
          if (client.refreshTokens) expect(row.grant!.refreshTokens.map((token) => token.tokenHash)).toContain(hashSecret(answer.body.refresh_token!));
        } else if (row.consumedAt) {
          committedButUnanswered++;
        }
        if (row.consumedAt) {
          expect(row.grantId, "a consumed code names its grant").not.toBeNull();
          expect(row.grant!.revokedAt).toBeNull();
          expect(row.grant!.accessTokens).toHaveLength(1);
          expect(row.grant!.refreshTokens).toHaveLength(client.refreshTokens ? 1 : 0);
        } else {
          // Never used: it still works, as if the lost request had never been sent.
          expect(row.grantId).toBeNull();
          expect(row.expiresAt.getTime(), "the code is still within its 60 seconds").toBeGreaterThan(Date.now());
          expect((await redemption(client, code, verifier)).status).toBe(200);
        }
      }
    }
    tally(everyAnswer, committedButUnanswered);
    await expectDatabaseIntact();
  });

  test("after SIGKILL in the middle of many refreshes, every refresh token is unused or has its successor", async () => {
    test.setTimeout(180_000);
    const user = await registerFaultUser();
    const client = await registerFaultClient({ refreshTokens: true });
    const browser = new Browser();
    const database = faultsDatabase();
    const everyAnswer: Answer[][] = [];
    let committedButUnanswered = 0;

    for (const answersBeforeCrash of crashAfterAnswers) {
      const refreshTokens = [];
      for (let index = 0; index < 30; index++) refreshTokens.push((await signInOverHttp(client, user, browser)).tokens.refresh_token!);
      const answers = await sendAllAndCrash(
        refreshTokens.map((refreshToken) => () => tokenRequest(client, { grant_type: "refresh_token", refresh_token: refreshToken })),
        answersBeforeCrash,
      );
      everyAnswer.push(answers);
      await startApp("authorizationServer");

      // The old refresh token is rotated out, the access token recorded and the new refresh
      // token stored in one transaction (apps/authorization-server/src/oauth/grants/
      // refresh-token.ts): a crash never leaves a grant whose last refresh token is spent
      // without a successor (RFC 6749 §6, RFC 9700 §4.14.2).
      for (const [index, refreshToken] of refreshTokens.entries()) {
        const answer = answers[index]!;
        const old = await database.refreshToken.findUniqueOrThrow({ where: { tokenHash: hashSecret(refreshToken) } });
        const grant = await database.grant.findUniqueOrThrow({
          where: { id: old.grantId },
          include: { accessTokens: true, refreshTokens: { orderBy: { createdAt: "asc" } } },
        });
        expect(grant.revokedAt).toBeNull();
        if (answer) {
          expect(answer.status, JSON.stringify(answer.body)).toBe(200);
          expect(old.rotatedAt).not.toBeNull();
          expect(grant.refreshTokens.map((token) => token.tokenHash)).toContain(hashSecret(answer.body.refresh_token!));
          expect(grant.accessTokens.map((token) => token.jti)).toContain(decodeJwt(answer.body.access_token!).jti);
        } else if (old.rotatedAt) {
          committedButUnanswered++;
        }
        if (old.rotatedAt) {
          // Spent, with exactly one successor, unspent, and the access token issued with it.
          expect(grant.refreshTokens).toHaveLength(2);
          expect(grant.refreshTokens.filter((token) => token.rotatedAt === null)).toHaveLength(1);
          expect(grant.accessTokens).toHaveLength(2);
        } else {
          // Never used: the grant is as the sign-in left it, and the token still works.
          expect(grant.refreshTokens).toHaveLength(1);
          expect(grant.accessTokens).toHaveLength(1);
          const retry = await tokenRequest(client, { grant_type: "refresh_token", refresh_token: refreshToken });
          expect(retry.status).toBe(200);
        }
      }
    }
    tally(everyAnswer, committedButUnanswered);
    await expectDatabaseIntact();
  });
});

test.describe("signing in at PrintShop while the PhotoCloud API is stopped", () => {
  test("the profile cannot be read (steps 6 and 7): PrintShop's sign-in problem page, then it works once the API is back", async ({ page }) => {
    const user = await registerFaultUser();
    const serverErrors = serverErrorsOf(page);
    await stopApp("resourceApi");

    await page.goto(printShop);
    await page.getByRole("button", { name: "Sign in with PhotoCloud" }).click();
    await signInAs(page, user.username, user.password);
    await page.getByRole("button", { name: "Allow" }).click();

    await expectSignInProblemPage(page);
    // What failed is the PhotoCloud API, and the page must say so.
    await expect(page.getByRole("main")).toContainText("PhotoCloud API");
    await expect(page.locator("body")).not.toContainText(internals);
    expect(serverErrors).toEqual([]);
    expect(await clientSessionsOf(user)).toEqual([]);

    await startApp("resourceApi");
    await page.getByRole("button", { name: "Try again" }).click();
    await expectPhotosOf(page, user);
  });
});
