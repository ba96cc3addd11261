import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { beforeAll, describe, expect, it } from "vitest";
import type { Attack } from "@/attacks/attack";

beforeAll(async () => {
  // A port that was free a moment ago, and that nothing listens on now: the "authorization server".
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
  process.env.ISSUER = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
  await new Promise<void>((resolve) => closed.close(() => resolve()));
  process.env.ATTACK_LAB_WEAKENING = "false";
});

const runId = "0123456789abcdefghijkl";

async function attackThatCallsTheIssuer(): Promise<Attack> {
  const { env } = await import("@/env");
  return {
    id: "test-attack",
    number: 99,
    title: "A test attack",
    story: { wants: "a test", has: "nothing" },
    steps: [],
    defence: { summary: "none", see: [] },
    weakening: "pkce-verifier",
    needsVictimBrowser: false,
    phases: {
      async run({ mallory }) {
        const response = await mallory.fetch(`${env.ISSUER}/token`);
        return { outcome: { verdict: "refused", summary: "refused", answer: { status: response.status, body: { refresh_token: "a-secret-refresh-token" } } } };
      },
    },
  };
}

describe("running a phase", () => {
  it("says plainly which app is down, as a verdict, not an error", async () => {
    const { runPhase } = await import("@/attacks/run-phase");
    const response = await runPhase(await attackThatCallsTheIssuer(), "run", { runId, weakened: false, input: {} });
    expect(response.status).toBe(200);
    const { outcome } = (await response.json()) as { outcome: { verdict: string; summary: string } };
    expect(outcome.verdict).toBe("could-not-run");
    expect(outcome.summary).toMatch(/^The authorization server at http:\/\/127\.0\.0\.1:\d+ is not answering\./);
  });

  it("refuses to switch a defence off when the apps were not started for the lab", async () => {
    const { runPhase } = await import("@/attacks/run-phase");
    const response = await runPhase(await attackThatCallsTheIssuer(), "run", { runId, weakened: true, input: {} });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: "invalid_request",
      error_description:
        "The defence cannot be switched off: the apps were not started for the lab. Start them with `npm run dev:lab` to switch a defence off.",
    });
  });

  it("masks the tokens in the answer Mallory got before the page sees them", async () => {
    const { runPhase } = await import("@/attacks/run-phase");
    const attack = await attackThatCallsTheIssuer();
    attack.phases.run = async () => ({ outcome: { verdict: "succeeded", summary: "got them", answer: { status: 200, body: { refresh_token: "a-secret-refresh-token", token_type: "Bearer" } } } });
    const response = await runPhase(attack, "run", { runId, weakened: false, input: {} });
    const { outcome } = (await response.json()) as { outcome: { answer: { body: Record<string, string> } } };
    expect(outcome.answer.body).toEqual({ refresh_token: "a-se…", token_type: "Bearer" });
  });

  it("masks the tokens in every answer of an attack of several tries", async () => {
    const { runPhase } = await import("@/attacks/run-phase");
    const attack = await attackThatCallsTheIssuer();
    attack.phases.run = async () => ({
      outcome: {
        verdict: "refused",
        summary: "two tries",
        answers: [
          { label: "first", status: 401, body: { error: "invalid_token" } },
          { label: "second", status: 200, body: { refresh_token: "another-secret-refresh-token" } },
        ],
      },
    });
    const response = await runPhase(attack, "run", { runId, weakened: false, input: {} });
    const { outcome } = (await response.json()) as { outcome: { answers: { label: string; body: unknown }[] } };
    expect(outcome.answers).toEqual([
      { label: "first", status: 401, body: { error: "invalid_token" } },
      { label: "second", status: 200, body: { refresh_token: "anot…" } },
    ]);
  });

  it("says plainly what the attack could not get, as a verdict", async () => {
    const { runPhase } = await import("@/attacks/run-phase");
    const { MissingPrerequisite } = await import("@/attacks/attack");
    const attack = await attackThatCallsTheIssuer();
    attack.phases.run = async () => {
      throw new MissingPrerequisite("Mallory could not get a token for her own account (mallory).");
    };
    const response = await runPhase(attack, "run", { runId, weakened: false, input: {} });
    expect(await response.json()).toEqual({ outcome: { verdict: "could-not-run", summary: "Mallory could not get a token for her own account (mallory)." } });
  });
});
