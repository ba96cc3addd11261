// The command line of `npm run workshop -- --host <address> [--code <code>] [--port-base <n>] [--skip-build]`.
import { parseArgs } from "node:util";
import { describeParseError } from "../command-line.ts";
import { demoPorts } from "@seven-steps/story";

export const workshopUsage = `Usage: npm run workshop -- --host <address> [--code <code>] [--port-base <n>] [--skip-build]

Runs a workshop: PhotoCloud Accounts (the authorization server, with the join page and the room's
dashboard), the PhotoCloud API, PrintShop and Mallory's app, reached by the room over plain http at
<address>, and prints the join link for the attendees and the instructor's sign-in.

  --host <address>   this machine's address on the room's network, such as 192.168.1.20 (an IPv4
                     or IPv6 address, or a host name of this machine) (required)
  --code <code>      the workshop code attendees need to join: 4 to 64 letters, digits or dashes
                     (default: WORKSHOP_CODE, else a new one each time the workshop starts)
  --port-base <n>    PrintShop listens on <n>, the authorization server on <n>+1, the API on
                     <n>+2 and Mallory's app on <n>+3 (default ${demoPorts.client})
  --skip-build       the apps are built already (npm run build): start them at once
  --help             print this help
`;

/** Bad arguments: the reason; the command prints it with the usage. */
export class WorkshopUsageError extends Error {
  override readonly name = "WorkshopUsageError";
}

export interface WorkshopArguments {
  /** As given; address.ts checks that it is this machine's. */
  host: string;
  /** The workshop code, if the instructor chose one: the authorization server's workshop:setup checks it. */
  code?: string;
  portBase: number;
  skipBuild: boolean;
}

const options = {
  host: { type: "string" },
  code: { type: "string" },
  "port-base": { type: "string" },
  "skip-build": { type: "boolean", default: false },
  help: { type: "boolean", default: false },
} as const;

/** The arguments of the command, or "help" when --help asks for the usage. */
export function parseWorkshopArguments(args: readonly string[]): WorkshopArguments | "help" {
  let values;
  try {
    ({ values } = parseArgs({ args: [...args], options, strict: true, allowPositionals: false }));
  } catch (error) {
    throw new WorkshopUsageError(describeParseError(error as Error & { code?: string }, "--host 192.168.1.20"));
  }
  if (values.help) return "help";
  const { host, code } = values;
  if (host === undefined || host.trim() === "") throw new WorkshopUsageError("--host is required: this machine's address on the room's network.");
  return { host: host.trim(), code, portBase: parsePortBase(values["port-base"]), skipBuild: values["skip-build"] };
}

function parsePortBase(value: string | undefined): number {
  if (value === undefined) return demoPorts.client;
  const portBase = Number(value);
  // The four apps take the base and the three ports after it.
  if (!/^\d+$/.test(value) || portBase < 1 || portBase > 65_532) {
    throw new WorkshopUsageError(`--port-base must be a port from 1 to 65532, with the three after it free too (got "${value}").`);
  }
  return portBase;
}
