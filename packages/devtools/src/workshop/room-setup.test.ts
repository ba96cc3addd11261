import { describe, expect, it } from "vitest";
import { WorkshopError } from "./room-setup.ts";
import { readRoomSetup } from "./room-setup.ts";

const answer = (fields: object) => `${JSON.stringify({ room_created: true, instructor_created: true, ...fields }, null, 2)}\n`;

describe("workshop:setup's answer", () => {
  it("gives the code and the instructor's password it made", () => {
    const stdout = answer({ workshop_code: "k7m2-q9xp", join_url: "http://127.0.0.2:3001/workshop/join?code=k7m2-q9xp", instructor_password: "plum-7-tiger" });
    expect(readRoomSetup(stdout, { code: undefined, passwordInEnvironment: false })).toEqual({
      code: "k7m2-q9xp",
      instructorPassword: { generated: "plum-7-tiger" },
    });
  });

  it("keeps the code the instructor gave, and a password it neither made nor was given is unchanged", () => {
    expect(readRoomSetup(answer({}), { code: "oauth-day", passwordInEnvironment: false })).toEqual({ code: "oauth-day", instructorPassword: "unchanged" });
  });

  it("never holds a password from WORKSHOP_INSTRUCTOR_PASSWORD, only says it is that one", () => {
    expect(readRoomSetup(answer({}), { code: "oauth-day", passwordInEnvironment: true })).toEqual({ code: "oauth-day", instructorPassword: "from-environment" });
  });

  it("says so when the answer is not JSON, or names no code", () => {
    expect(() => readRoomSetup("Created the workshop room.", { code: "oauth-day", passwordInEnvironment: false })).toThrow(WorkshopError);
    expect(() => readRoomSetup(answer({}), { code: undefined, passwordInEnvironment: false })).toThrow("neither took a workshop code nor made one");
  });
});
