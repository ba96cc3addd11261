// `npm run workshop:setup -- --code <code>`: creates or updates the workshop room of this server
// and the instructor's account (src/workshop/setup.ts), for `npm run workshop`. What it generates,
// it prints once: a code when none was given, and a new instructor account's password when
// WORKSHOP_INSTRUCTOR_PASSWORD is not set. What it was given, it never prints. With --json it
// prints only a JSON object, for scripts.
//
// package.json runs it under Node's react-server condition, as Next.js runs the server: there the
// `server-only` marker of the data modules it uses is an empty module.
import { parseArgs } from "node:util";
import { env } from "@/env";
import { joinUrl } from "@/workshop/join-link";
import { instructorPasswordMinLength, instructorUsername, setUpRoom, WorkshopSetupError, type RoomSetUp } from "@/workshop/setup";
import { InvalidWorkshopCode, workshopCodeRule } from "@/workshop/workshop-code";
import { withDatabase } from "./with-database";

const usage = `Usage: npm run workshop:setup -- [--code <code>] [--json]

Creates or updates the workshop room of PhotoCloud Accounts, and the instructor's account
("${instructorUsername}"), who signs in on the usual sign-in page to open the room's dashboard.

  --code <code>   the workshop code attendees type to join: ${workshopCodeRule},
                  compared without regard to case; also read from WORKSHOP_CODE.
                  Without either, a new code is generated and printed once.
  --json          print only a JSON object, for scripts (through npm, run npm run -s
                  workshop:setup, so that npm adds nothing to it): room_created,
                  instructor_created, and workshop_code, join_url and
                  instructor_password when they were generated
  --help          print this help

Environment:
  WORKSHOP_INSTRUCTOR_PASSWORD   the instructor's password, at least ${instructorPasswordMinLength} characters. Without it,
                                 a new instructor account gets a generated password, printed
                                 once, and an existing one keeps its password.

Run again, it sets the code again and keeps the room's attendees: only the dashboard's Reset
room empties the room.
`;

/** Bad arguments: the reason, then how to call the command. */
class UsageError extends Error {}

const options = {
  code: { type: "string" },
  json: { type: "boolean", default: false },
  help: { type: "boolean", default: false },
} as const;

function readArguments(args: string[]) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new UsageError((error as Error).message, { cause: error });
  }
}

/** What a person reads: what was done, and the secrets generated here, once. */
function summary(done: RoomSetUp): string {
  const lines = [
    done.roomCreated ? "Created the workshop room." : "Updated the workshop room: it keeps its attendees.",
    done.instructorCreated ? `Created the instructor's account, "${instructorUsername}".` : `The instructor's account, "${instructorUsername}", exists already.`,
    "",
  ];
  if (done.generatedCode !== undefined) {
    lines.push(`  workshop code         ${done.generatedCode}`, `  join link             ${joinUrl(done.generatedCode)}`);
  } else {
    lines.push("  workshop code         the one you gave (never printed)", `  join link             ${joinUrl("CODE")}, with your code for CODE`);
  }
  if (done.generatedInstructorPassword !== undefined) {
    lines.push(`  instructor password   ${done.generatedInstructorPassword}`);
  }
  lines.push(`  dashboard             ${env.ISSUER}/workshop/room (sign in as "${instructorUsername}")`, "");
  if (done.generatedCode !== undefined || done.generatedInstructorPassword !== undefined) {
    lines.push("What was generated is shown this once: the server keeps only hashes. Store it now.", "");
  }
  return lines.join("\n");
}

function json(done: RoomSetUp): string {
  return `${JSON.stringify(
    {
      room_created: done.roomCreated,
      instructor_created: done.instructorCreated,
      ...(done.generatedCode === undefined ? {} : { workshop_code: done.generatedCode, join_url: joinUrl(done.generatedCode) }),
      ...(done.generatedInstructorPassword === undefined ? {} : { instructor_password: done.generatedInstructorPassword }),
    },
    null,
    2,
  )}\n`;
}

async function main(args: string[]): Promise<number> {
  let wanted: ReturnType<typeof readArguments>;
  try {
    wanted = readArguments(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`workshop:setup: ${error.message}\n\n${usage}`);
    return 2;
  }
  if (wanted.help) {
    process.stdout.write(usage);
    return 0;
  }

  return withDatabase("workshop:setup", async () => {
    try {
      const done = await setUpRoom({ code: wanted.code ?? env.WORKSHOP_CODE, instructorPassword: env.WORKSHOP_INSTRUCTOR_PASSWORD });
      process.stdout.write(wanted.json ? json(done) : summary(done));
      return 0;
    } catch (error) {
      if (!(error instanceof InvalidWorkshopCode || error instanceof WorkshopSetupError)) throw error;
      console.error(`workshop:setup: ${error.message}\n\n${usage}`);
      return 2;
    }
  });
}

process.exitCode = await main(process.argv.slice(2));
