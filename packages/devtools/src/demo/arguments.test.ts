import { describe, expect, it } from "vitest";
import { defaultPaceSeconds, demoUsage, DemoUsageError, parseDemoArguments } from "./arguments.ts";

const attacks = [
  { id: "stolen-code", number: 1, title: "A stolen authorization code, redeemed without the PKCE verifier" },
  { id: "code-injection", number: 2, title: "Code injection at the client's callback" },
];

function refusal(args: string[]): string {
  try {
    parseDemoArguments(args, attacks);
  } catch (error) {
    expect(error).toBeInstanceOf(DemoUsageError);
    return (error as Error).message;
  }
  throw new Error(`${args.join(" ")} was accepted`);
}

describe("the demo's command line", () => {
  it("plays the sign-in at the default pace, in a window, when given nothing", () => {
    expect(parseDemoArguments([], attacks)).toEqual({
      paceSeconds: defaultPaceSeconds,
      stepByKey: false,
      record: undefined,
      headless: false,
      story: { kind: "sign-in", deny: false },
      theme: undefined,
      skipBuild: false,
    });
  });

  it("reads the test's command: --record <folder> --pace 0", () => {
    expect(parseDemoArguments(["--record", "/tmp/out", "--pace", "0"], attacks)).toMatchObject({ record: "/tmp/out", paceSeconds: 0 });
  });

  it("takes the talk's options", () => {
    expect(parseDemoArguments(["--step", "--deny", "--theme", "dark", "--pace", "2.5"], attacks)).toMatchObject({
      stepByKey: true,
      story: { kind: "sign-in", deny: true },
      theme: "dark",
      paceSeconds: 2.5,
    });
  });

  it("finds an attack by its name or its number", () => {
    expect(parseDemoArguments(["--attack", "code-injection"], attacks)).toMatchObject({ story: { kind: "attack", attack: attacks[1] } });
    expect(parseDemoArguments(["--attack", "1"], attacks)).toMatchObject({ story: { kind: "attack", attack: attacks[0] } });
  });

  it("lists the attacks when the name is unknown", () => {
    const message = refusal(["--attack", "sql-injection"]);
    expect(message).toContain('There is no attack "sql-injection"');
    expect(message).toContain("stolen-code");
    expect(message).toContain("2. Code injection at the client's callback");
  });

  it("names an unknown option, and the usage lists the valid ones", () => {
    expect(refusal(["--fast"])).toBe("Unknown option --fast.");
    const usage = demoUsage(attacks);
    for (const option of ["--pace", "--step", "--record", "--headless", "--deny", "--attack", "--theme", "--skip-build", "--help"]) expect(usage).toContain(option);
    expect(usage).toContain("code-injection");
  });

  it("refuses a pace that is no number of seconds, a theme it does not have, and --headless alone", () => {
    expect(refusal(["--pace", "slow"])).toContain("--pace is a number of seconds");
    expect(refusal(["--pace=-1"])).toContain("--pace is a number of seconds");
    expect(refusal(["--theme", "neon"])).toBe('--theme is light or dark (got "neon").');
    expect(refusal(["--headless"])).toContain("add --record <folder>");
    expect(refusal(["--deny", "--attack", "stolen-code"])).toContain("choose one");
    expect(refusal(["--record"])).toContain("--record");
  });

  it("says help when asked", () => {
    expect(parseDemoArguments(["--help"], attacks)).toBe("help");
  });
});
