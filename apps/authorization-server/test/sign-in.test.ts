// Signing in at the authorization server (step 2, who the user is) and signing out: the session
// cookie, what is stored, where the user is sent, and how password guessing is slowed down.
import { randomBytes, scryptSync } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { POST as passwordEndpoint } from "@/app/sign-in/password/route";
import { POST as signOutEndpoint } from "@/app/sign-out/route";
import { db } from "@/db";
import { verifyPassword } from "@/secrets/password-hash";
import { hashSecret } from "@/secrets/secret-hash";
import { readSessionToken } from "@/session/cookie";
import { findSignedInUser } from "@/session/session";
import { alice, bob, csrfTokenOf, formRequest, issuer, signIn } from "./fixtures.ts";

/** Posts the sign-in form, as the browser does from the sign-in page unless told otherwise. */
function postSignIn(
  fields: Record<string, string>,
  options: { origin?: string | null; address?: string } = {},
): Promise<Response> {
  const headers: Record<string, string> = options.address ? { "x-forwarded-for": options.address } : {};
  return passwordEndpoint(formRequest("/sign-in/password", fields, { origin: options.origin, headers }));
}

function credentials(user: { username: string; password: string }, returnTo = "/") {
  return { username: user.username, password: user.password, return_to: returnTo };
}

/** The session token a response sets, if any. */
function sessionTokenSetBy(response: Response): string | undefined {
  return readSessionToken(response.headers.get("set-cookie")?.split(";")[0] ?? null);
}

async function sessionsOf(user: { username: string }): Promise<number> {
  return db.session.count({ where: { user: { username: user.username } } });
}

/** A 303 back to the sign-in form with `error`, and no session. */
function expectBackToForm(response: Response, error: string) {
  expect(response.status).toBe(303);
  const location = new URL(response.headers.get("location") ?? "about:blank", issuer);
  expect(location.origin).toBe(issuer);
  expect(location.pathname).toBe("/sign-in");
  expect(location.searchParams.get("error")).toBe(error);
  expect(response.headers.get("set-cookie")).toBeNull();
}

// Failed sign-ins are counted per account across requests: every test starts with none counted.
beforeEach(async () => {
  await db.throttle.deleteMany();
});

describe("POST /sign-in/password", () => {
  it("signs the user in with a session cookie the page scripts cannot read, and returns them", async () => {
    const returnTo = "/authorize?client_id=printshop&scope=profile";

    const response = await postSignIn(credentials(alice, returnTo));

    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(returnTo);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const setCookie = response.headers.get("set-cookie") ?? "";
    const attributes = setCookie.split(";").map((attribute) => attribute.trim().toLowerCase());
    expect(setCookie).toMatch(/^photocloud_session=[A-Za-z0-9_-]{43};/);
    expect(attributes).toContain("httponly");
    expect(attributes).toContain("samesite=lax");
    expect(attributes).toContain("path=/");
  });

  it("stores only the hash of the session token", async () => {
    const token = sessionTokenSetBy(await postSignIn(credentials(alice))) ?? "";

    const session = await db.session.findUniqueOrThrow({ where: { tokenHash: hashSecret(token) }, include: { user: true } });
    expect(session.user.username).toBe(alice.username);
    expect(session.expiresAt.getTime()).toBeGreaterThan(Date.now());
    expect(await db.session.count({ where: { tokenHash: token } })).toBe(0);
  });

  // Session fixation: a token known before sign-in must be worthless after it.
  it("starts a new session with a new token at every sign-in", async () => {
    const first = await signIn(alice);
    const second = await signIn(alice);

    expect(second).not.toBe(first);
    expect((await findSignedInUser(first))?.username).toBe(alice.username);
    expect((await findSignedInUser(second))?.username).toBe(alice.username);
  });

  it("answers a wrong password and an unknown username the same way, without saying which", async () => {
    const wrongPassword = await postSignIn({ ...credentials(alice), password: "not-wonderland" });
    const unknownUser = await postSignIn({ ...credentials(alice), username: "no-such-user" });

    expectBackToForm(wrongPassword, "invalid");
    expectBackToForm(unknownUser, "invalid");
    expect(unknownUser.headers.get("location")).toBe(wrongPassword.headers.get("location"));
    expect(unknownUser.headers.get("location")).not.toContain(alice.username);
  });

  it.each(["username", "password"])("sends the user back to the form when the %s is missing", async (missing) => {
    const fields: Record<string, string> = credentials(alice);
    delete fields[missing];
    const sessionsBefore = await sessionsOf(alice);

    expectBackToForm(await postSignIn(fields), "missing");
    expect(await sessionsOf(alice)).toBe(sessionsBefore);
  });

  // RFC 6749 §10.15 and RFC 9700 §4.11: the server must not become an open redirector.
  it.each([
    { variant: "an absolute URL", returnTo: "https://evil.example/" },
    { variant: "a protocol-relative URL", returnTo: "//evil.example" },
    { variant: "a backslash URL", returnTo: "/\\evil.example" },
  ])("sends the user home when return_to is $variant", async ({ returnTo }) => {
    const response = await postSignIn(credentials(alice, returnTo));

    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/");
  });

  // The same rule, for paths that only become protocol-relative once their dot segments are
  // resolved: the Location must still lead to this server.
  it.each(["/.//evil.example", "/a/..//evil.example", "/a/../\\evil.example"])(
    "keeps the user on this server when return_to is %s",
    async (returnTo) => {
      const response = await postSignIn(credentials(alice, returnTo));

      expect(response.status).toBe(303);
      // Resolved as a browser resolves it: "//evil.example" would leave for evil.example.
      expect(new URL(response.headers.get("location") ?? "", issuer).origin).toBe(issuer);
    },
  );

  // Login CSRF (RFC 6749 §10.12): the form has no session yet, so Origin is what protects it.
  it.each(["https://evil.example", "http://localhost:3000", "null"])(
    "refuses a sign-in posted from the origin %s",
    async (origin) => {
      const sessionsBefore = await sessionsOf(alice);

      const response = await postSignIn(credentials(alice), { origin });

      expect(response.status).toBe(403);
      expect(response.headers.get("set-cookie")).toBeNull();
      expect(await sessionsOf(alice)).toBe(sessionsBefore);
    },
  );

  it("accepts a sign-in without an Origin header, which no browser form sends", async () => {
    const response = await postSignIn(credentials(alice), { origin: null });

    expect(response.status).toBe(303);
    expect(sessionTokenSetBy(response)).toBeTruthy();
  });
});

describe("POST /sign-in/password: passwords stored before Argon2id", () => {
  const carol = { username: "carol-legacy", password: "an old password, an old hash" };

  /** How passwords were stored before: scrypt, N = 2^15, r = 8, p = 1, as `scrypt$N$r$p$salt$key`. */
  function legacyScryptHash(password: string): string {
    const salt = randomBytes(16);
    const key = scryptSync(password, salt, 32, { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 2 ** 20 });
    return ["scrypt", 2 ** 15, 8, 1, salt.toString("base64url"), key.toString("base64url")].join("$");
  }

  async function storedHashOf(username: string): Promise<string> {
    return (await db.user.findUniqueOrThrow({ where: { username } })).passwordHash;
  }

  beforeEach(async () => {
    await db.user.deleteMany({ where: { username: carol.username } });
    await db.user.create({ data: { username: carol.username, name: "Carol", passwordHash: legacyScryptHash(carol.password) } });
  });

  it("signs the user in, and replaces the scrypt hash with an Argon2id one", async () => {
    const response = await postSignIn(credentials(carol));

    expect(response.status).toBe(303);
    expect(sessionTokenSetBy(response)).toBeTruthy();
    const stored = await storedHashOf(carol.username);
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(carol.password, stored)).toBe(true);
  });

  it("signs in with the new hash afterwards, and leaves it as it is", async () => {
    await postSignIn(credentials(carol));
    const upgraded = await storedHashOf(carol.username);

    const again = await postSignIn(credentials(carol));

    expect(again.status).toBe(303);
    expect(sessionTokenSetBy(again)).toBeTruthy();
    expect(await storedHashOf(carol.username)).toBe(upgraded);
  });

  it("keeps the old hash when the password is wrong", async () => {
    const before = await storedHashOf(carol.username);

    expectBackToForm(await postSignIn({ ...credentials(carol), password: "a guess" }), "invalid");

    expect(await storedHashOf(carol.username)).toBe(before);
  });
});

describe("POST /sign-in/password: throttling (RFC 6749 §10.10, RFC 6819 §5.1.4.2.3)", () => {
  const address = "203.0.113.7";

  async function failFiveTimes(user: { username: string }) {
    for (let attempt = 1; attempt <= 5; attempt++) {
      expectBackToForm(await postSignIn({ username: user.username, password: "a wrong guess", return_to: "/" }, { address }), "invalid");
    }
  }

  it("pauses an account at one address after 5 failures, even for the right password", async () => {
    await failFiveTimes(alice);
    const sessionsBefore = await sessionsOf(alice);

    const response = await postSignIn(credentials(alice), { address });

    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toMatch(/^[1-9][0-9]*$/);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    expect(response.headers.get("set-cookie")).toBeNull();
    expect(await sessionsOf(alice)).toBe(sessionsBefore);
    const throttle = await db.throttle.findUniqueOrThrow({ where: { key: `sign-in:alice@${address}` } });
    expect(throttle.blockedUntil?.getTime()).toBeGreaterThan(Date.now());
  });

  it("does not pause another account at the same address", async () => {
    await failFiveTimes(alice);

    const response = await postSignIn(credentials(bob), { address });

    expect(response.status).toBe(303);
    expect(sessionTokenSetBy(response)).toBeTruthy();
  });

  it("pauses an account at every address after 20 failures from 20 addresses, one after another", async () => {
    for (let attempt = 1; attempt <= 20; attempt++) {
      const guess = { username: bob.username, password: "a wrong guess", return_to: "/" };
      expectBackToForm(await postSignIn(guess, { address: `198.18.0.${attempt}` }), "invalid");
    }

    const response = await postSignIn(credentials(bob), { address: "198.18.1.1" });

    expect(response.status).toBe(429);
    expect(await response.text()).toContain("Sign-in is paused for this account");
  });

  it("does not pause the account at another address", async () => {
    await failFiveTimes(alice);

    const response = await postSignIn(credentials(alice), { address: "198.51.100.9" });

    expect(response.status).toBe(303);
    expect(sessionTokenSetBy(response)).toBeTruthy();
  });
});

describe("POST /sign-in/password: guesses sent at the same moment", () => {
  /** Answers of `count` wrong guesses for bob, sent at once, each from another address. */
  async function guessAtOnce(count: number): Promise<Response[]> {
    return Promise.all(
      Array.from({ length: count }, (_, index) =>
        postSignIn({ username: bob.username, password: `guess ${index}`, return_to: "/" }, { address: `192.0.2.${index + 1}` }),
      ),
    );
  }

  // Each guess is checked (Argon2id) only after its attempt is counted: a guess that arrives while
  // others are being hashed is refused, not checked too.
  it("checks at most 20 of 60 parallel guesses for one account, and refuses the rest with 429", async () => {
    const answers = await guessAtOnce(60);

    const checked = answers.filter((response) => response.status === 303);
    const refused = answers.filter((response) => response.status === 429);
    expect(checked.length).toBeLessThanOrEqual(20);
    expect(checked.length + refused.length).toBe(60);
    for (const response of checked) expectBackToForm(response, "invalid");
    for (const response of refused) expect(response.headers.get("retry-after")).toMatch(/^[1-9][0-9]*$/);
  });

  it("still lets the account sign in with the right password after fewer than 20 failures in parallel", async () => {
    await guessAtOnce(10);

    const response = await postSignIn(credentials(bob), { address: "192.0.2.200" });

    expect(response.status).toBe(303);
    expect(sessionTokenSetBy(response)).toBeTruthy();
  });
});

describe("POST /sign-in/password: where to go afterwards", () => {
  it("signs the user in and sends them home when return_to holds a broken percent-encoding", async () => {
    const response = await postSignIn(credentials(alice, "/authorize?x=%ZZ"));

    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/");
    expect(sessionTokenSetBy(response)).toBeTruthy();
  });

  it("sends the user home when return_to is not a path on this server", async () => {
    for (const returnTo of ["https://evil.example/", "//evil.example/", "/\\evil.example"]) {
      const response = await postSignIn(credentials(alice, returnTo));
      expect(response.headers.get("location")).toBe("/");
    }
  });
});

describe("POST /sign-out", () => {
  it("ends the session, clears the cookie and sends the user home", async () => {
    const cookie = await signIn(alice);
    const tokenHash = hashSecret(readSessionToken(cookie) ?? "");

    const response = await signOutEndpoint(formRequest("/sign-out", { csrf_token: await csrfTokenOf(cookie) }, { cookie }));

    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/");
    const setCookie = response.headers.get("set-cookie") ?? "";
    expect(setCookie).toMatch(/^photocloud_session=;/);
    expect(setCookie.split(";").map((attribute) => attribute.trim())).toContain("Max-Age=0");
    expect(await db.session.count({ where: { tokenHash } })).toBe(0);
    expect(await findSignedInUser(cookie)).toBeNull();
  });

  it("refuses a sign-out with a wrong csrf_token, and keeps the session", async () => {
    const cookie = await signIn(alice);
    const otherToken = await csrfTokenOf(await signIn(alice));

    const response = await signOutEndpoint(formRequest("/sign-out", { csrf_token: otherToken }, { cookie }));

    expect(response.status).toBe(403);
    expect(response.headers.get("set-cookie")).toBeNull();
    expect((await findSignedInUser(cookie))?.username).toBe(alice.username);
  });

  it("refuses a sign-out posted from another origin, and keeps the session", async () => {
    const cookie = await signIn(alice);
    const fields = { csrf_token: await csrfTokenOf(cookie) };

    const response = await signOutEndpoint(formRequest("/sign-out", fields, { cookie, origin: "https://evil.example" }));

    expect(response.status).toBe(403);
    expect((await findSignedInUser(cookie))?.username).toBe(alice.username);
  });
});
