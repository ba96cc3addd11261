// `npm run workshop:setup`: creates or updates the workshop room and the instructor's account.
// Each test runs the command as a child process, as a person would; they run in this order, on
// this file's own database.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { verifyPassword } from "@/secrets/password-hash";
import { workshopCodeHash } from "@/workshop/workshop-code";
import { signIn } from "./fixtures.ts";
import { join, joinForm, postJoin } from "./workshop-fixtures.ts";

const appFolder = path.resolve(import.meta.dirname, "..");

/**
 * Runs `tsx --conditions=react-server scripts/workshop-setup.ts` with these arguments and
 * environment, as package.json does. The child inherits this process's environment, where
 * test/setup.ts put the DATABASE_URL of this file's own database copy.
 */
function workshopSetup(args: string[], environment: Record<string, string> = {}) {
  const result = spawnSync("npx", ["tsx", "--conditions=react-server", "scripts/workshop-setup.ts", ...args], {
    cwd: appFolder,
    encoding: "utf8",
    env: { ...process.env, ...environment },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const room = () => db.workshopRoom.findUnique({ where: { id: "room" } });
const instructorAccount = () => db.user.findUnique({ where: { username: "instructor" } });

describe("npm run workshop:setup", () => {
  it("refuses a code that breaks the rule, shows how to call it, and creates nothing", async () => {
    const result = workshopSetup(["--code", "no spaces allowed"]);

    expect(result.status).toBe(2);
    expect(result.stderr).toContain("A workshop code is 4 to 64 letters, digits or hyphens.");
    expect(result.stderr).toContain("Usage: npm run workshop:setup -- [--code <code>] [--json]");
    expect(result.stderr).not.toContain("no spaces allowed");
    expect(await room()).toBeNull();
    expect(await instructorAccount()).toBeNull();
  });

  it("refuses an instructor's password shorter than 12 characters, and an unknown option", async () => {
    const short = workshopSetup(["--code", "good-code"], { WORKSHOP_INSTRUCTOR_PASSWORD: "short" });
    const unknown = workshopSetup(["--room", "kitchen"]);

    expect(short.status).toBe(2);
    expect(short.stderr).toContain("The instructor's password must be at least 12 characters.");
    expect(short.stderr).not.toMatch(/\bshort\b/);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain("Unknown option '--room'");
    expect(await room()).toBeNull();
  });

  it("creates the room and the instructor, and prints what it generated, once", async () => {
    const result = workshopSetup([]);

    expect(result.status).toBe(0);
    const code = /workshop code +(\S+)/.exec(result.stdout)?.[1];
    const password = /instructor password +(\S+)/.exec(result.stdout)?.[1];
    expect(code).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
    expect(password).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    expect(result.stdout).toContain(`join link             http://localhost:3001/workshop/join?code=${code}`);
    expect(result.stdout).toContain("shown this once");

    const instructor = await instructorAccount();
    expect(instructor).toMatchObject({ name: "Instructor", passwordHash: expect.stringMatching(/^\$argon2id\$/) });
    expect(await verifyPassword(password!, instructor!.passwordHash)).toBe(true);
    expect(await room()).toMatchObject({ codeHash: workshopCodeHash(code!), instructorId: instructor!.id, resetAt: null });
    expect(await signIn({ username: "instructor", password: password! })).toMatch(/^photocloud_session=/);
  });

  it("sets the code it is given, by --code or WORKSHOP_CODE, never prints it, and keeps the attendees and the instructor's password", async () => {
    const { passwordHash } = (await instructorAccount())!;
    await db.workshopRoom.update({ where: { id: "room" }, data: { codeHash: workshopCodeHash("first-code") } });
    const attendee = await join("Ada Lovelace", { code: "first-code" });

    const byOption = workshopSetup(["--code", "Second-Code"], { WORKSHOP_CODE: "ignored-code" });
    expect(byOption.status).toBe(0);
    expect(byOption.stdout).toContain("Updated the workshop room: it keeps its attendees.");
    expect(byOption.stdout).not.toMatch(/second-code/i);
    expect(byOption.stdout).not.toContain("instructor password");
    expect((await room())!.codeHash).toBe(workshopCodeHash("second-code"));

    const byEnvironment = workshopSetup(["--json"], { WORKSHOP_CODE: "third-code" });
    expect(byEnvironment.status).toBe(0);
    expect(JSON.parse(byEnvironment.stdout)).toEqual({ room_created: false, instructor_created: false });
    expect((await room())!.codeHash).toBe(workshopCodeHash("third-code"));

    expect((await instructorAccount())!.passwordHash).toBe(passwordHash);
    expect(await db.workshopAttendee.count({ where: { clientId: attendee.client_id } })).toBe(1);
    expect((await postJoin(joinForm("Grace Hopper", { code: "second-code" }))).status).toBe(400);
    expect((await postJoin(joinForm("Grace Hopper", { code: "THIRD-code" }))).status).toBe(303);
  });

  it("gives the instructor the password of WORKSHOP_INSTRUCTOR_PASSWORD, without printing it", async () => {
    const password = "a passphrase the instructor chose";

    const result = workshopSetup(["--json", "--code", "fourth-code"], { WORKSHOP_INSTRUCTOR_PASSWORD: password });

    expect(result.status).toBe(0);
    expect(result.stdout).not.toContain(password);
    expect(JSON.parse(result.stdout)).toEqual({ room_created: false, instructor_created: false });
    expect(await verifyPassword(password, (await instructorAccount())!.passwordHash)).toBe(true);
  });

  it("prints the generated code and join link as JSON with --json", () => {
    const result = workshopSetup(["--json"]);

    expect(result.status).toBe(0);
    const printed = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(printed).toEqual({
      room_created: false,
      instructor_created: false,
      workshop_code: expect.stringMatching(/^[a-z2-9-]{14}$/),
      join_url: `http://localhost:3001/workshop/join?code=${printed.workshop_code as string}`,
    });
  });
});
