// The server-side phases of the token endpoint's attacks (5, 6, 13): what Mallory sends, and the
// verdict she reads from the answers. Mallory is a stand-in here that records her requests and
// answers what the test says; the e2e specs (e2e/tests/attack-lab*/) run them against the apps.
import { describe, expect, it } from "vitest";
import type { AttackOutcome, PhaseResult } from "@/attacks/attack";
import type { Mallory } from "@/mallory/http";

interface Sent {
  url: string;
  method: string;
  fields: Record<string, string>;
  body: string;
}

/** A Mallory who sends nothing: she records each request and gets the next of `answers`. */
function malloryAnswering(...answers: Response[]): { mallory: Mallory; sent: Sent[] } {
  const sent: Sent[] = [];
  const fake = {
    async fetch(url: string, init: RequestInit = {}) {
      const body = init.body instanceof URLSearchParams ? init.body.toString() : String(init.body ?? "");
      sent.push({ url, method: init.method ?? "GET", fields: Object.fromEntries(new URLSearchParams(body)), body });
      const answer = answers.shift();
      if (!answer) throw new Error(`no answer left for ${url}`);
      return answer;
    },
    postForm(url: string, fields: Record<string, string>) {
      return fake.fetch(url, { method: "POST", body: new URLSearchParams(fields) });
    },
  };
  return { mallory: fake as unknown as Mallory, sent };
}

const refused = (error: string) => Response.json({ error, error_description: "refused" }, { status: 400 });
const tokens = (scope: string) => Response.json({ access_token: "at", token_type: "Bearer", refresh_token: "rt2", scope });
const photos = (...titles: string[]) => Response.json({ photos: titles.map((title) => ({ title })) });

async function run(attackId: string, phase: string, mallory: Mallory, input: Record<string, unknown>): Promise<AttackOutcome> {
  const { findAttack } = await import("@/attacks/catalogue");
  const result: PhaseResult = await findAttack(attackId)!.phases[phase]!({ runId: "run", weakened: false, mallory }, input);
  return result.outcome!;
}

describe("attack 5, code replay", () => {
  it("sends alice's app's token request again, verifier included, and is refused", async () => {
    const { mallory, sent } = malloryAnswering(refused("invalid_grant"));
    const outcome = await run("code-replay", "replay", mallory, { code: "the-code", code_verifier: "the-verifier" });
    expect(sent[0]!.url).toMatch(/\/token$/);
    expect(sent[0]!.fields).toMatchObject({ grant_type: "authorization_code", code: "the-code", code_verifier: "the-verifier", client_id: "printshop-weak" });
    expect(outcome).toMatchObject({ verdict: "refused", answer: { status: 400, body: { error: "invalid_grant" } } });
  });

  it("succeeds when the code is redeemed again and the API gives her alice's photos", async () => {
    const { mallory, sent } = malloryAnswering(tokens("profile photos:read"), photos("Harbour"));
    const outcome = await run("code-replay", "replay", mallory, { code: "the-code", code_verifier: "the-verifier" });
    expect(sent[1]!.url).toMatch(/\/photos$/);
    expect(outcome).toMatchObject({ verdict: "succeeded", loot: ["Harbour"] });
  });

  it("cannot run without the leaked token request", async () => {
    const { mallory, sent } = malloryAnswering();
    expect(await run("code-replay", "replay", mallory, { code: "the-code" })).toMatchObject({ verdict: "could-not-run" });
    expect(sent).toEqual([]);
  });
});

describe("attack 6, a stolen refresh token replayed", () => {
  it("refreshes with the stolen token as the public client, and is refused", async () => {
    const { mallory, sent } = malloryAnswering(refused("invalid_grant"));
    const outcome = await run("refresh-token-replay", "replay", mallory, { refresh_token: "rt1" });
    expect(sent[0]!.fields).toEqual({ grant_type: "refresh_token", refresh_token: "rt1", client_id: "printshop-weak" });
    expect(outcome.verdict).toBe("refused");
  });

  it("succeeds when the retired token still works and the API gives her alice's photos", async () => {
    const { mallory } = malloryAnswering(tokens("profile photos:read"), photos("Harbour", "Lighthouse"));
    expect(await run("refresh-token-replay", "replay", mallory, { refresh_token: "rt1" })).toMatchObject({
      verdict: "succeeded",
      loot: ["Harbour", "Lighthouse"],
    });
  });
});

describe("attack 13, scope escalation at refresh", () => {
  it("asks the refresh for photos:write on top of the granted scope, and is refused", async () => {
    const { mallory, sent } = malloryAnswering(refused("invalid_scope"));
    const outcome = await run("refresh-scope-escalation", "escalate", mallory, { refresh_token: "rt1" });
    expect(sent[0]!.fields).toEqual({ grant_type: "refresh_token", refresh_token: "rt1", client_id: "printshop-weak", scope: "profile photos:read photos:write" });
    expect(outcome).toMatchObject({ verdict: "refused", answer: { body: { error: "invalid_scope" } } });
  });

  it("succeeds when the wider token lets her upload into alice's album", async () => {
    const { mallory, sent } = malloryAnswering(
      tokens("profile photos:read photos:write"),
      Response.json({ id: "p1" }, { status: 201 }),
      photos("Uploaded by Mallory, with a scope alice never granted", "Harbour"),
    );
    const outcome = await run("refresh-scope-escalation", "escalate", mallory, { refresh_token: "rt1" });
    expect(sent[1]).toMatchObject({ method: "POST" });
    expect(sent[1]!.url).toMatch(/\/photos$/);
    expect(JSON.parse(sent[1]!.body)).toMatchObject({ title: "Uploaded by Mallory, with a scope alice never granted" });
    expect(outcome).toMatchObject({ verdict: "succeeded", loot: ["Uploaded by Mallory, with a scope alice never granted", "Harbour"] });
  });

  it("is refused when the API refuses the upload, even with a token", async () => {
    const { mallory } = malloryAnswering(tokens("profile photos:read"), Response.json({ error: "insufficient_scope" }, { status: 403 }));
    expect((await run("refresh-scope-escalation", "escalate", mallory, { refresh_token: "rt1" })).verdict).toBe("refused");
  });
});
