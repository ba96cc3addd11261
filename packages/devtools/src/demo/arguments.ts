// The command line of `npm run demo -- [--pace <seconds>] [--step] [--record <folder>] [--headless]
// [--deny | --attack <name>] [--theme <light|dark>] [--skip-build]`.
import { parseArgs } from "node:util";
import { describeParseError } from "../command-line.ts";

/** An attack of the attack lab, as `--attack` names it (packages/story's lab-attacks.ts). */
export interface AttackName {
  id: string;
  number: number;
  title: string;
}

/** The seconds each caption stays before its step plays, unless --pace says otherwise. */
export const defaultPaceSeconds = 4;

export function demoUsage(attacks: readonly AttackName[]): string {
  return `Usage: npm run demo -- [options]

Plays OAuth's seven steps in a Chromium window, at a pace an audience can follow: PrintShop signs a
fresh PhotoCloud member in, a caption names each step before it happens, and the inspector beside
it fills in from the messages the apps really exchange. Starts the apps first if they are not
running.

  --pace <seconds>      how long each caption stays before its step plays (default ${defaultPaceSeconds}; 0 for
                        no pause)
  --step                wait for a key press in this terminal before each step, for a live talk
  --record <folder>     write there a video (demo.mp4), an animation (demo.gif), one still per step
                        with its caption (stills/, listed in stills.json) and the flow's Markdown
                        handout (handout.md); where there is no display, it runs without a window
  --headless            no window (only with --record)
  --deny                the member denies at the consent screen: steps 1 to 3, and no token
  --attack <name>       play one attack of the attack lab instead, against the fresh member:
${attacks.map((attack) => `                          ${attack.id.padEnd(26)} ${attack.number}. ${attack.title}`).join("\n")}
  --theme <light|dark>  the apps' colour theme (default: the system's); dark is the presenter's
  --skip-build          when the apps must be started: they are built already (npm run build)
  --help                print this help
`;
}

/** Bad arguments: the reason; the command prints it with the usage, which lists the valid ones. */
export class DemoUsageError extends Error {
  override readonly name = "DemoUsageError";
}

export type DemoStory = { kind: "sign-in"; deny: boolean } | { kind: "attack"; attack: AttackName };

export interface DemoArguments {
  paceSeconds: number;
  stepByKey: boolean;
  /** The folder --record writes to, as given (resolved against the directory the command runs in). */
  record?: string;
  headless: boolean;
  story: DemoStory;
  theme?: "light" | "dark";
  skipBuild: boolean;
}

const options = {
  pace: { type: "string" },
  step: { type: "boolean", default: false },
  record: { type: "string" },
  headless: { type: "boolean", default: false },
  deny: { type: "boolean", default: false },
  attack: { type: "string" },
  theme: { type: "string" },
  "skip-build": { type: "boolean", default: false },
  help: { type: "boolean", default: false },
} as const;

/** The arguments of the command, or "help" when --help asks for the usage. */
export function parseDemoArguments(args: readonly string[], attacks: readonly AttackName[]): DemoArguments | "help" {
  let values;
  try {
    ({ values } = parseArgs({ args: [...args], options, strict: true, allowPositionals: false }));
  } catch (error) {
    throw new DemoUsageError(describeParseError(error as Error & { code?: string }, "--pace 2"));
  }
  if (values.help) return "help";
  if (values.headless && values.record === undefined) {
    throw new DemoUsageError("--headless shows nothing by itself: add --record <folder> to keep what it plays.");
  }
  if (values.record !== undefined && values.record.trim() === "") throw new DemoUsageError("--record needs a folder, as in --record demo-out.");
  if (values.deny && values.attack !== undefined) throw new DemoUsageError("--deny and --attack each play a story of their own: choose one.");
  return {
    paceSeconds: parsePace(values.pace),
    stepByKey: values.step,
    record: values.record,
    headless: values.headless,
    story: values.attack === undefined ? { kind: "sign-in", deny: values.deny } : { kind: "attack", attack: findAttackName(values.attack, attacks) },
    theme: parseTheme(values.theme),
    skipBuild: values["skip-build"],
  };
}

function parsePace(value: string | undefined): number {
  if (value === undefined) return defaultPaceSeconds;
  const seconds = Number(value);
  if (value.trim() === "" || !Number.isFinite(seconds) || seconds < 0 || seconds > 60) {
    throw new DemoUsageError(`--pace is a number of seconds from 0 to 60, such as 2.5 (got "${value}").`);
  }
  return seconds;
}

function parseTheme(value: string | undefined): "light" | "dark" | undefined {
  if (value === undefined || value === "light" || value === "dark") return value;
  throw new DemoUsageError(`--theme is light or dark (got "${value}").`);
}

function findAttackName(value: string, attacks: readonly AttackName[]): AttackName {
  const attack = attacks.find((candidate) => candidate.id === value || String(candidate.number) === value);
  if (attack) return attack;
  throw new DemoUsageError(`There is no attack "${value}" in the attack lab. The attacks (name or number):\n${attacks.map((known) => `  ${known.id.padEnd(26)} ${known.number}. ${known.title}`).join("\n")}`);
}
