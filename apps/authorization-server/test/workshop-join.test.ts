// The workshop's join page: GET /workshop/join (the form, from the join link) and its POST, which
// gives each attendee their own account and their own client, or refuses with the reason on the form.
import { memberAlbumPhotos } from "@seven-steps/db";
import { decodeJwt } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as passwordEndpoint } from "@/app/sign-in/password/route";
import { POST as joinEndpoint } from "@/app/workshop/join/route";
import { db } from "@/db";
import { escapeHtml } from "@/html/message-page";
import { verifyPassword } from "@/secrets/password-hash";
import { hashSecret } from "@/secrets/secret-hash";
import { findSignedInUser } from "@/session/session";
import { takeJoinCredentials } from "@/workshop/credentials";
import { displayNameRefusals } from "@/workshop/display-name";
import { codeMessages, portMessage } from "@/workshop/join";
import { formRequest, issuer, obtainTokens, signIn } from "./fixtures.ts";
import {
  accountOf,
  clientOf,
  expectRefusedOnForm,
  getJoinPage,
  inputValue,
  instructor,
  join,
  joinForm,
  newAddress,
  postJoin,
  roomCode,
  setUpTestRoom,
} from "./workshop-fixtures.ts";

beforeAll(setUpTestRoom);

/** How many accounts, clients, attendees and albums are stored: a refused join must change none. */
async function storedCounts() {
  return {
    users: await db.user.count(),
    clients: await db.client.count(),
    attendees: await db.workshopAttendee.count(),
    profiles: await db.profile.count(),
    photos: await db.photo.count(),
    sessions: await db.session.count(),
  };
}

describe("the join page", () => {
  it("fills in the code of the join link, and the default port", async () => {
    const response = await getJoinPage(`?code=${roomCode}`);

    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const html = await response.text();
    expect(html).toContain('<form method="post" action="/workshop/join"');
    expect(inputValue(html, "code")).toBe(roomCode);
    expect(inputValue(html, "display_name")).toBe("");
    expect(inputValue(html, "port")).toBe("3333");
    expect(html).toContain("http://localhost:&lt;port&gt;/callback");
    expect(html).not.toContain('role="alert"');
  });

  it("is an empty form without a code", async () => {
    const html = await (await getJoinPage()).text();
    expect(inputValue(html, "code")).toBe("");
  });

  it("says at once when the link's code is not the room's, and does not keep it", async () => {
    const html = await expectRefusedOnForm(await getJoinPage("?code=not-the-code"), "code", codeMessages.wrong);
    expect(inputValue(html, "code")).toBe("");
  });
});

describe("joining", () => {
  it("creates the account, the client, the attendee and the album, and signs the attendee in", async () => {
    const before = await storedCounts();

    const response = await postJoin(joinForm("  Ada   Lovelace ", { port: "4000" }));

    expect(response.status).toBe(303);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const location = response.headers.get("location") ?? "";
    expect(location).toMatch(/^\/workshop\/join\/welcome\/[A-Za-z0-9_-]{43}$/);
    expect(location).not.toContain(roomCode);
    expect(response.headers.get("set-cookie")).toMatch(/^photocloud_session=[^;]+; Path=\/; HttpOnly; SameSite=Lax/);

    const shown = await takeJoinCredentials(location.split("/").at(-1)!);
    expect(shown).toEqual({
      displayName: "Ada Lovelace",
      username: "ada-lovelace",
      password: expect.stringMatching(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/),
      client_id: "workshop-ada-lovelace",
      client_secret: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      redirect_uri: "http://localhost:4000/callback",
    });
    expect(await storedCounts()).toEqual({
      users: before.users + 1,
      clients: before.clients + 1,
      attendees: before.attendees + 1,
      profiles: before.profiles + 1,
      photos: before.photos + memberAlbumPhotos.length,
      sessions: before.sessions + 1,
    });

    const user = await db.user.findUniqueOrThrow({ where: { username: "ada-lovelace" }, include: { workshopAttendee: true } });
    expect(user.name).toBe("Ada Lovelace");
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(user.passwordHash).not.toContain(shown!.password);
    expect(await verifyPassword(shown!.password, user.passwordHash)).toBe(true);
    expect(user.workshopAttendee).toMatchObject({ roomId: "room", displayName: "Ada Lovelace", displayNameKey: "ada lovelace", clientId: "workshop-ada-lovelace" });

    const client = await db.client.findUniqueOrThrow({ where: { id: "workshop-ada-lovelace" }, include: { redirectUris: true } });
    expect(client).toMatchObject({
      name: "Ada Lovelace's app",
      secretHash: hashSecret(shown!.client_secret),
      tokenEndpointAuthMethod: "client_secret_basic",
      allowedGrantTypes: "authorization_code refresh_token",
      allowedScopes: "profile photos:read",
      canIntrospect: false,
      weakenedDefences: "",
    });
    expect(client.redirectUris.map((redirectUri) => redirectUri.uri)).toEqual(["http://localhost:4000/callback"]);

    expect(await db.profile.findUnique({ where: { sub: user.id } })).toMatchObject({ username: "ada-lovelace", displayName: "Ada Lovelace" });
    expect(await db.photo.count({ where: { ownerSub: user.id } })).toBe(memberAlbumPhotos.length);

    const cookie = response.headers.get("set-cookie")!.split(";")[0]!;
    expect(await findSignedInUser(cookie)).toMatchObject({ id: user.id, username: "ada-lovelace", name: "Ada Lovelace" });
  });

  it("shows the credentials once: the page takes them, and nothing in the database holds them in clear", async () => {
    const response = await postJoin(joinForm("Grace Hopper"));
    const id = response.headers.get("location")!.split("/").at(-1)!;
    const waiting = await db.registrationResult.findUniqueOrThrow({ where: { idHash: hashSecret(id) } });

    const shown = await takeJoinCredentials(id);

    expect(shown?.username).toBe("grace-hopper");
    expect(waiting.sealed).not.toContain(shown!.password);
    expect(waiting.sealed).not.toContain(shown!.client_secret);
    expect(JSON.stringify(await db.user.findUniqueOrThrow({ where: { username: "grace-hopper" } }))).not.toContain(shown!.password);
    expect(await takeJoinCredentials(id)).toBeUndefined();
  });

  it("gives an account that signs in with the shown password, and a client that runs the code flow for it", async () => {
    const attendee = await join("Katherine Johnson");

    const tokens = await obtainTokens(clientOf(attendee), { user: accountOf(attendee), scope: "profile photos:read" });

    const user = await db.user.findUniqueOrThrow({ where: { username: attendee.username } });
    expect(decodeJwt(tokens.access_token)).toMatchObject({ sub: user.id, client_id: attendee.client_id, scope: "profile photos:read" });
    expect(tokens.refresh_token).toBeTruthy();
  });

  it("makes each username unique: a taken one gets a number", async () => {
    const first = await join("Alan Turing");
    const second = await join("Alan-Turing");
    const demoNamesake = await join("Alice");

    expect([first.username, second.username, demoNamesake.username]).toEqual(["alan-turing", "alan-turing-2", "alice-2"]);
    expect(second.client_id).toBe("workshop-alan-turing-2");
  });

  it("makes a username of a name without Latin letters, and keeps the name as typed", async () => {
    const attendee = await join("李小龍 🐉");

    expect(attendee.username).toBe("attendee");
    expect(attendee.displayName).toBe("李小龍 🐉");
  });

  it("stores nothing of an attempt that fails half-way, and takes the next username", async () => {
    // A client left with the id the first username would give: the attempt's account is stored,
    // then its client is refused by the database, and the whole attempt is rolled back.
    await db.client.create({ data: { id: "workshop-linus-torvalds", name: "Left over", allowedScopes: "", allowedGrantTypes: "" } });
    const before = await storedCounts();

    const attendee = await join("Linus Torvalds");

    expect(attendee).toMatchObject({ username: "linus-torvalds-2", client_id: "workshop-linus-torvalds-2" });
    expect(await db.user.count({ where: { username: "linus-torvalds" } })).toBe(0);
    expect(await storedCounts()).toMatchObject({ users: before.users + 1, clients: before.clients + 1, attendees: before.attendees + 1, profiles: before.profiles + 1 });
  });

  it("lets one of two people joining at the same moment with the same name have it, and refuses the other", async () => {
    const answers = await Promise.all([postJoin(joinForm("Donald Knuth")), postJoin(joinForm("donald knuth"))]);

    expect(answers.map((answer) => answer.status).sort()).toEqual([303, 400]);
    expect(await answers.find((answer) => answer.status === 400)!.text()).toContain(escapeHtml(displayNameRefusals.taken));
    expect(await db.workshopAttendee.count({ where: { displayNameKey: "donald knuth" } })).toBe(1);
    expect(await db.user.count({ where: { name: { in: ["Donald Knuth", "donald knuth"] } } })).toBe(1);
  });

  it("takes the default port when the field is left empty", async () => {
    expect((await join("Hedy Lamarr", { port: "" })).redirect_uri).toBe("http://localhost:3333/callback");
  });

  it("accepts the code in any case, with spaces around it", async () => {
    expect((await join("Margaret Hamilton", { code: ` ${roomCode.toUpperCase()} ` })).username).toBe("margaret-hamilton");
  });
});

describe("a refused join", () => {
  /** Posts the form, expects it refused next to `field`, and that nothing was stored; returns the page. */
  async function expectRefused(fields: Record<string, string>, field: string, message: string): Promise<string> {
    const before = await storedCounts();
    const html = await expectRefusedOnForm(await postJoin(fields), field, message);
    expect(await storedCounts()).toEqual(before);
    return html;
  }

  it("with a wrong code, keeps the name and the port but not the code", async () => {
    const html = await expectRefused(joinForm("Barbara Liskov", { code: "wrong-code", port: "5000" }), "code", codeMessages.wrong);

    expect(inputValue(html, "code")).toBe("");
    expect(inputValue(html, "display_name")).toBe("Barbara Liskov");
    expect(inputValue(html, "port")).toBe("5000");
  });

  it("without a code", async () => {
    await expectRefused(joinForm("Barbara Liskov", { code: "" }), "code", codeMessages.missing);
  });

  it("with a name that is taken in the room, in any case and spacing, keeping the code typed", async () => {
    await join("Frances Allen");

    const html = await expectRefused(joinForm("  FRANCES   allen"), "display_name", displayNameRefusals.taken);

    expect(inputValue(html, "code")).toBe(roomCode);
    expect(inputValue(html, "display_name")).toBe("  FRANCES   allen");
  });

  it("with the instructor's name", async () => {
    await expectRefused(joinForm("instructor"), "display_name", displayNameRefusals.taken);
  });

  it("with an empty name", async () => {
    await expectRefused(joinForm("   "), "display_name", displayNameRefusals.empty);
  });

  it("with a name longer than 40 characters", async () => {
    await expectRefused(joinForm("A".repeat(41)), "display_name", displayNameRefusals["too-long"]);
  });

  it("with a name holding a control or a direction-override character", async () => {
    await expectRefused(joinForm("Ada\u0007"), "display_name", displayNameRefusals.unprintable);
    await expectRefused(joinForm("Ada \u202Eecalevol"), "display_name", displayNameRefusals.unprintable);
  });

  it("with an abusive name", async () => {
    await expectRefused(joinForm("Captain Sh1t"), "display_name", displayNameRefusals.abusive);
  });

  it.each(["80", "1023", "65536", "3e3", "-1", "port"])("with the port %s", async (port) => {
    const html = await expectRefused(joinForm("Radia Perlman", { port }), "port", portMessage);
    expect(inputValue(html, "port")).toBe(port);
  });

  it("from another site, with a 403 and nothing stored", async () => {
    const before = await storedCounts();

    const response = await postJoin(joinForm("Mallory's puppet"), { origin: "https://evil.example" });

    expect(response.status).toBe(403);
    expect(await response.text()).toContain("This join form was sent from another site.");
    expect(await storedCounts()).toEqual(before);
  });

  it("that is not a form, with a 400 page", async () => {
    const notAForm = await joinEndpoint(
      new Request(`${issuer}/workshop/join`, { method: "POST", headers: { "content-type": "application/json", origin: issuer }, body: "{}" }),
    );

    expect(notAForm.status).toBe(400);
    expect(await notAForm.text()).toContain("The join form could not be read");
  });
});

describe("wrong workshop codes", () => {
  it("pause joining from their address after ten, and no other address", async () => {
    const guesser = newAddress();
    for (let guess = 0; guess < 10; guess++) {
      expect((await postJoin(joinForm("Guesser", { code: `guess-${guess}` }), { address: guesser })).status).toBe(400);
    }

    const paused = await postJoin(joinForm("Guesser", { code: "guess-10" }), { address: guesser });
    const rightCodeFromThere = await postJoin(joinForm("Guesser"), { address: guesser });
    const elsewhere = await postJoin(joinForm("Someone Else"));

    expect(paused.status).toBe(429);
    expect(Number(paused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await paused.text()).toContain("Joining is paused for this address");
    expect(rightCodeFromThere.status).toBe(429);
    expect((await getJoinPage(`?code=${roomCode}`, { address: guesser })).status).toBe(429);
    expect(elsewhere.status).toBe(303);
  });
});

describe("one attendee's failed sign-ins", () => {
  it("pause neither another attendee nor the instructor, from the same address", async () => {
    const [clumsy, careful] = [await join("Clumsy Fingers"), await join("Careful Typist")];
    const signInFrom = (user: { username: string; password: string }) =>
      passwordEndpoint(formRequest("/sign-in/password", { ...user, return_to: "/" }, { headers: { "x-forwarded-for": "198.51.100.7" } }));
    for (let attempt = 0; attempt < 21; attempt++) await signInFrom({ username: clumsy.username, password: "wrong" });

    expect((await signInFrom(accountOf(clumsy))).status).toBe(429);
    expect((await signInFrom(accountOf(careful))).status).toBe(303);
    expect((await signInFrom(instructor)).status).toBe(303);
    expect(await signIn(accountOf(careful))).toMatch(/^photocloud_session=/);
  });
});
