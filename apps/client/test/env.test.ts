// PrintShop's configuration (src/env.ts): a bad secret stops the app with its name, never its value.
import { afterEach, describe, expect, it, vi } from "vitest";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

/** The message PrintShop stops with when it reads this environment. */
async function startupError(variables: Record<string, string>): Promise<string> {
  for (const [name, value] of Object.entries(variables)) vi.stubEnv(name, value);
  vi.resetModules();
  const error: unknown = await import("@/env").then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(Error);
  return (error as Error).message;
}

describe("PrintShop's configuration", () => {
  it.each([
    { variable: "NEXTAUTH_SECRET", value: "only-thirty-one-characters-long" },
    { variable: "CLIENT_SECRET", value: "" },
  ])("names a bad $variable and never prints it", async ({ variable, value }) => {
    const message = await startupError({ [variable]: value });

    expect(message).toContain(`${variable}: `);
    expect(message).toContain("the value is not shown: it is a secret");
    if (value !== "") expect(message).not.toContain(value);
  });
});
