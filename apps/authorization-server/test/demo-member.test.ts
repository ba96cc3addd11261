// `npm run demo:member`: a fresh PhotoCloud member for one run of the presenter's demo, with an
// album at the API and no consent, so that PrintShop's sign-in shows the consent screen. The
// module is tested directly; the command runs as a child process, as `npm run demo` runs it.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { memberAlbumPhotos } from "@seven-steps/db";
import { demoClient } from "@seven-steps/db/demo-data";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { createDemoMember, demoFirstNames, type DemoMember } from "@/demo/demo-member";
import { verifyPassword } from "@/secrets/password-hash";
import { authorize, pkce, signIn } from "./fixtures.ts";

const appFolder = path.resolve(import.meta.dirname, "..");

/**
 * Runs `tsx --conditions=react-server scripts/demo-member.ts` with these arguments, as package.json
 * does. The child inherits this process's environment, where test/setup.ts put the DATABASE_URL of
 * this file's own database copy.
 */
function demoMemberCommand(...args: string[]) {
  const result = spawnSync("npx", ["tsx", "--conditions=react-server", "scripts/demo-member.ts", ...args], { cwd: appFolder, encoding: "utf8" });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** What is stored of a member, by username: the account, their consents, and their album at the API. */
async function storedMember(username: string) {
  const user = await db.user.findUnique({ where: { username } });
  if (!user) return undefined;
  return {
    user,
    consents: await db.consent.count({ where: { userId: user.id } }),
    profile: await db.profile.findUnique({ where: { sub: user.id } }),
    photoTitles: (await db.photo.findMany({ where: { ownerSub: user.id }, orderBy: { takenAt: "asc" } })).map((photo) => photo.title),
  };
}

async function expectFreshMember(member: DemoMember) {
  const stored = await storedMember(member.username);
  expect(stored).toBeDefined();
  expect(stored!.user.name).toBe(member.name);
  expect(stored!.user.passwordHash).not.toBe(member.password);
  expect(stored!.user.passwordHash).toMatch(/^\$argon2id\$/);
  expect(await verifyPassword(member.password, stored!.user.passwordHash)).toBe(true);
  expect(stored!.consents).toBe(0);
  expect(stored!.profile).toMatchObject({ username: member.username, displayName: member.name });
  expect(stored!.photoTitles).toEqual(memberAlbumPhotos.map((photo) => photo.title));
}

describe("a demo member", () => {
  it("is a new account with a generated password, stored as an Argon2id hash, and an album at the PhotoCloud API", async () => {
    const member = await createDemoMember();

    expect(member.username).toMatch(/^demo-[0-9a-f]{6}$/);
    expect(member.password).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(demoFirstNames.map((name) => `${name} (demo)`)).toContain(member.name);
    await expectFreshMember(member);
  });

  it("signs in, and is asked for consent when PrintShop asks for their photos", async () => {
    const member = await createDemoMember();
    const cookie = await signIn(member);
    const { challenge } = await pkce();
    const response = await authorize(
      {
        response_type: "code",
        client_id: demoClient.id,
        redirect_uri: demoClient.redirectUris[0]!,
        scope: "profile photos:read",
        state: "demo-state",
        code_challenge: challenge,
        code_challenge_method: "S256",
      },
      cookie,
    );

    expect(response.status).toBe(303);
    expect(new URL(response.headers.get("location")!, "http://localhost:3001").pathname).toBe("/consent");
  });

  it("is another member each time", async () => {
    const first = await createDemoMember();
    const second = await createDemoMember();

    expect(second.username).not.toBe(first.username);
    expect(second.password).not.toBe(first.password);
    await expectFreshMember(first);
    await expectFreshMember(second);
    expect((await storedMember(second.username))!.user.id).not.toBe((await storedMember(first.username))!.user.id);
  });
});

describe("npm run demo:member", () => {
  it("with --json, prints exactly one line of JSON with the member's username, password and name", async () => {
    const result = demoMemberCommand("--json");

    expect(result.status).toBe(0);
    expect(result.stdout.endsWith("\n")).toBe(true);
    expect(result.stdout.trimEnd().split("\n")).toHaveLength(1);
    const member = JSON.parse(result.stdout) as DemoMember;
    expect(Object.keys(member)).toEqual(["username", "password", "name"]);
    await expectFreshMember(member);
  });

  it("without --json, says whom it made, and never prints the password", async () => {
    const usersBefore = await db.user.count();
    const result = demoMemberCommand();

    expect(result.status).toBe(0);
    const username = /"(demo-[0-9a-f]{6})"/.exec(result.stdout)?.[1];
    expect(username).toBeDefined();
    expect(result.stdout).toContain("with an album at the PhotoCloud API");
    expect(result.stdout).not.toMatch(/[A-Za-z0-9_-]{24}/);
    expect(await db.user.count()).toBe(usersBefore + 1);
    expect((await storedMember(username!))?.consents).toBe(0);
  });

  it("refuses an unknown argument with exit code 64, shows how to call it, and creates nobody", async () => {
    const usersBefore = await db.user.count();
    const result = demoMemberCommand("--name", "Dana");

    expect(result.status).toBe(64);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("demo:member: Unknown option '--name'");
    expect(result.stderr).toContain("Usage: npm run -s demo:member -- [--json]");
    expect(await db.user.count()).toBe(usersBefore);
  });
});
