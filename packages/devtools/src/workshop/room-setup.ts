// The room is opened by the authorization server's own script, `npm run workshop:setup -- --json`
// (apps/authorization-server/scripts/workshop-setup.ts), which stores the code's hash and the
// instructor's account. This reads its answer: what the workshop command prints comes from there.
/** Why the room could not be opened, in words for the instructor. */
export class WorkshopError extends Error {
  override readonly name = "WorkshopError";
}

/** The instructor's password, as the summary can speak of it. */
export type InstructorPassword =
  /** Made for a new instructor account, and shown this once. */
  | { generated: string }
  /** The one in WORKSHOP_INSTRUCTOR_PASSWORD, never printed. */
  | "from-environment"
  /** An existing account keeps the one it has. */
  | "unchanged";

export interface OpenedRoom {
  code: string;
  instructorPassword: InstructorPassword;
}

/** workshop:setup's JSON object: room_created, instructor_created, and what it generated. */
interface SetupAnswer {
  workshop_code?: unknown;
  instructor_password?: unknown;
}

/**
 * The room's code and the instructor's password, from workshop:setup's JSON answer and what the
 * instructor gave: a code it did not generate is the one given (--code or WORKSHOP_CODE).
 */
export function readRoomSetup(stdout: string, given: { code: string | undefined; passwordInEnvironment: boolean }): OpenedRoom {
  let answer: SetupAnswer;
  try {
    answer = JSON.parse(stdout) as SetupAnswer;
  } catch {
    throw new WorkshopError(`workshop:setup answered something other than JSON:\n${stdout}`);
  }
  const code = typeof answer.workshop_code === "string" ? answer.workshop_code : given.code;
  if (code === undefined) throw new WorkshopError("workshop:setup neither took a workshop code nor made one.");
  let instructorPassword: InstructorPassword = given.passwordInEnvironment ? "from-environment" : "unchanged";
  if (typeof answer.instructor_password === "string") instructorPassword = { generated: answer.instructor_password };
  return { code, instructorPassword };
}
