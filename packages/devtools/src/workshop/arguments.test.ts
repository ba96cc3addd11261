import { describe, expect, it } from "vitest";
import { parseWorkshopArguments, workshopUsage, WorkshopUsageError } from "./arguments.ts";

function refusal(args: string[]): string {
  try {
    parseWorkshopArguments(args);
  } catch (error) {
    expect(error).toBeInstanceOf(WorkshopUsageError);
    return (error as Error).message;
  }
  throw new Error(`${args.join(" ")} was accepted`);
}

describe("npm run workshop's arguments", () => {
  it("needs only the room's address, and puts the apps on the demo's ports by default", () => {
    expect(parseWorkshopArguments(["--host", "192.168.1.20"])).toEqual({ host: "192.168.1.20", code: undefined, portBase: 3000, skipBuild: false });
  });

  it("takes a code, a port base and --skip-build", () => {
    expect(parseWorkshopArguments(["--host", "127.0.0.2", "--code", "oauth-day", "--port-base", "4100", "--skip-build"])).toEqual({
      host: "127.0.0.2",
      code: "oauth-day",
      portBase: 4100,
      skipBuild: true,
    });
  });

  it("answers --help with the usage", () => {
    expect(parseWorkshopArguments(["--help"])).toBe("help");
  });

  it("refuses to start without --host", () => {
    expect(refusal([])).toBe("--host is required: this machine's address on the room's network.");
    expect(refusal(["--host", " "])).toBe("--host is required: this machine's address on the room's network.");
  });

  it("names an unknown option, and the usage lists the valid ones", () => {
    expect(refusal(["--host", "127.0.0.2", "--room", "7"])).toBe("Unknown option --room.");
    for (const option of ["--host", "--code", "--port-base", "--skip-build", "--help"]) expect(workshopUsage).toContain(option);
  });

  it("refuses a value without its option, and an option without its value", () => {
    expect(refusal(["192.168.1.20"])).toBe("Unexpected argument 192.168.1.20: each value follows its option, as in --host 192.168.1.20.");
    expect(refusal(["--host"])).toContain("--host <value>' argument missing");
  });

  it("refuses a port base that is no port, or leaves no room for the three ports after it", () => {
    for (const portBase of ["http", "-1", "0", "3000.5", "65533"]) {
      expect(refusal(["--host", "127.0.0.2", `--port-base=${portBase}`])).toBe(
        `--port-base must be a port from 1 to 65532, with the three after it free too (got "${portBase}").`,
      );
    }
    expect(parseWorkshopArguments(["--host", "127.0.0.2", "--port-base", "65532"])).toMatchObject({ portBase: 65532 });
  });
});
