// `npm run demo:member [-- --json]`: creates a fresh PhotoCloud member for one run of the
// presenter's demo (src/demo/demo-member.ts), so that the consent screen shows every time. With
// --json it prints only {"username","password","name"} on one line, which `npm run demo` reads and
// signs in with; without it, plain words naming the member, and never the password.
//
// package.json runs it under Node's react-server condition, as Next.js runs the server: there the
// `server-only` marker of the data modules it uses is an empty module.
import { parseArgs } from "node:util";
import { createDemoMember, type DemoMember } from "@/demo/demo-member";
import { withDatabase } from "./with-database";

const usage = `Usage: npm run -s demo:member -- [--json]
       (in apps/authorization-server; from the root, add --workspace @seven-steps/authorization-server)

Creates a fresh PhotoCloud member for one run of \`npm run demo\`: a "demo-…" account with a
generated password and a display name, and their album at the PhotoCloud API. The member has
allowed no client yet, so PhotoCloud shows its consent screen.

  --json   print only one line of JSON, {"username","password","name"}, for the demo to
           sign in with (through npm, run npm run -s, so that npm adds nothing to it);
           the password is printed nowhere else and stored only as an Argon2id hash
  --help   print this help
`;

/** Bad arguments: EX_USAGE of sysexits.h. */
const usageExitCode = 64;

const options = {
  json: { type: "boolean", default: false },
  help: { type: "boolean", default: false },
} as const;

function plainWords(member: DemoMember): string {
  return `Created the demo member "${member.username}" (${member.name}), with an album at the PhotoCloud API.
Its password was generated and is stored only as a hash: only --json prints it, for the demo.
`;
}

async function main(args: string[]): Promise<number> {
  let wanted: { json: boolean; help: boolean };
  try {
    wanted = parseArgs({ args, options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    console.error(`demo:member: ${(error as Error).message}\n\n${usage}`);
    return usageExitCode;
  }
  if (wanted.help) {
    process.stdout.write(usage);
    return 0;
  }

  return withDatabase("demo:member", async () => {
    const member = await createDemoMember();
    process.stdout.write(wanted.json ? `${JSON.stringify(member)}\n` : plainWords(member));
    return 0;
  });
}

process.exitCode = await main(process.argv.slice(2));
