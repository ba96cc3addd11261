import { randomUUID } from "node:crypto";
import { hashPassword } from "@/secrets/password-hash";
import { createUser, findUserByUsername, storePasswordHash } from "@/storage/users";
import { saveRoom } from "@/storage/workshop-room";
import { generatePassword } from "./credentials.ts";
import { generateWorkshopCode, parseWorkshopCode, workshopCodeHash } from "./workshop-code.ts";

/**
 * Setting up the workshop room (`npm run workshop:setup`): the room with its code, and the
 * instructor's account, which signs in on the usual sign-in page and alone may open the room's
 * dashboard. Run again, it sets the code again and keeps everything else, the room's attendees
 * and the instructor's password among them, unless a new password is given.
 */

export const instructorUsername = "instructor";
export const instructorDisplayName = "Instructor";
export const instructorPasswordMinLength = 12;

/** Bad input to the setup: what is wrong, in words for the person who ran it. */
export class WorkshopSetupError extends Error {
  override readonly name = "WorkshopSetupError";
}

export interface RoomSetup {
  /** The workshop code to set; a new one is generated when there is none. */
  code?: string;
  /** The instructor's password; without one, a new account gets a generated one and an existing one keeps its own. */
  instructorPassword?: string;
}

export interface RoomSetUp {
  roomCreated: boolean;
  instructorCreated: boolean;
  /** Set only when generated here: shown once, stored only as a hash. */
  generatedCode?: string;
  /** Set only when generated here: shown once, stored only as an Argon2id hash. */
  generatedInstructorPassword?: string;
}

function checkInstructorPassword(password: string | undefined): void {
  if (password !== undefined && password.length < instructorPasswordMinLength) {
    throw new WorkshopSetupError(`The instructor's password must be at least ${instructorPasswordMinLength} characters.`);
  }
}

/** The instructor's account, created or given a new password; says what it generated. */
async function setUpInstructor(password: string | undefined): Promise<{ id: string; created: boolean; generatedPassword?: string }> {
  const existing = await findUserByUsername(instructorUsername);
  if (existing) {
    if (password !== undefined) await storePasswordHash(existing.id, await hashPassword(password));
    return { id: existing.id, created: false };
  }
  const chosen = password ?? generatePassword();
  const id = randomUUID();
  await createUser({ id, username: instructorUsername, name: instructorDisplayName, passwordHash: await hashPassword(chosen) });
  return { id, created: true, ...(password === undefined ? { generatedPassword: chosen } : {}) };
}

/**
 * Creates or updates the room and its instructor. Bad input throws before anything is stored:
 * `InvalidWorkshopCode` (workshop-code.ts) for the code, {@link WorkshopSetupError} for the password.
 */
export async function setUpRoom(setup: RoomSetup): Promise<RoomSetUp> {
  const code = setup.code === undefined ? generateWorkshopCode() : parseWorkshopCode(setup.code);
  checkInstructorPassword(setup.instructorPassword);
  const instructor = await setUpInstructor(setup.instructorPassword);
  const room = await saveRoom({ codeHash: workshopCodeHash(code), instructorId: instructor.id });
  return {
    roomCreated: room.created,
    instructorCreated: instructor.created,
    ...(setup.code === undefined ? { generatedCode: code } : {}),
    ...(instructor.generatedPassword === undefined ? {} : { generatedInstructorPassword: instructor.generatedPassword }),
  };
}
