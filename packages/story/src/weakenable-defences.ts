import { rfcSection } from "@seven-steps/protocol";

/**
 * The defences the attack lab can switch off, one at a time, so that a learner sees the attack
 * they stop succeed. This list is the one place their ids are named: the database
 * (`Client.weakenedDefences`), the checks that ask whether they are switched off, the attack
 * cards and the red banner all use these ids.
 *
 * Each defence is switched off only while the apps run with `ATTACK_LAB_WEAKENING=true`, which
 * they refuse in a production configuration (packages/config/attack-lab.ts), and then as narrowly
 * as it allows:
 * - `client`: for the weak demo client alone ({@link weakDemoClientId}), whose registration lists
 *   the ids; every other client keeps the defence.
 * - `request`: for one request alone, that Mallory marks with the header
 *   {@link weakeningRequestHeader}.
 */
export const weakenableDefences = [
  {
    id: "pkce-verifier",
    name: "the PKCE verifier check at the token endpoint",
    scope: "client",
    see: rfcSection(7636, "4.6"),
  },
  {
    id: "redirect-uri-exact-match",
    name: "the exact comparison of redirect_uri with the registered ones",
    scope: "client",
    see: rfcSection(9700, "4.1.3"),
  },
  {
    id: "code-single-use",
    name: "the single use of each authorization code",
    scope: "client",
    see: rfcSection(6749, "4.1.2"),
  },
  {
    id: "refresh-token-reuse-detection",
    name: "the detection of a rotated refresh token used again",
    scope: "client",
    see: rfcSection(9700, "4.14.2"),
  },
  {
    id: "consent-frame-ancestors",
    name: "the consent page's refusal to be framed (frame-ancestors 'none')",
    scope: "client",
    see: rfcSection(9700, "4.16"),
  },
  {
    id: "refresh-scope-narrowing",
    name: "the rule that a refresh asks for no more scope than was granted",
    scope: "client",
    see: rfcSection(6749, "6"),
  },
  {
    id: "callback-state",
    name: "the state check at the client's redirect URI",
    scope: "client",
    see: rfcSection(9700, "4.7.1"),
  },
  {
    id: "audience",
    name: "the audience (aud) check at the PhotoCloud API",
    scope: "request",
    see: rfcSection(9068, "4"),
  },
  {
    id: "mix-up-iss",
    name: "the iss check of the authorization response at the client",
    scope: "client",
    see: rfcSection(9207, "2.4"),
  },
] as const satisfies readonly WeakenableDefence[];

export interface WeakenableDefence {
  id: string;
  /** The defence as a learner reads it in a sentence: "Switched off: the PKCE verifier check…". */
  name: string;
  /** Who it is switched off for: the weak demo client, or one request that asks. */
  scope: "client" | "request";
  /** The RFC section that asks for the defence. */
  see: string;
}

export type WeakenableDefenceId = (typeof weakenableDefences)[number]["id"];
/** A defence switched off for the weak demo client: the authorization server's and the client's. */
export type ClientScopedDefenceId = Extract<(typeof weakenableDefences)[number], { scope: "client" }>["id"];
/** A defence switched off for one request: the resource API's. */
export type RequestScopedDefenceId = Extract<(typeof weakenableDefences)[number], { scope: "request" }>["id"];

/** The client whose defences of scope `client` the seed switches off: "PrintShop (weak demo client)". */
export const weakDemoClientId = "printshop-weak";

/**
 * The request header that switches one defence of scope `request` off for that request alone,
 * for example `attack-lab-weaken: audience`. Honoured only while weakening is on.
 */
export const weakeningRequestHeader = "attack-lab-weaken";

/** The ids of the defences switched off per client: what the seed gives {@link weakDemoClientId}. */
export const clientScopedDefenceIds: ClientScopedDefenceId[] = weakenableDefences.flatMap((defence) =>
  defence.scope === "client" ? [defence.id] : [],
);

export function isWeakenableDefenceId(value: string): value is WeakenableDefenceId {
  return weakenableDefences.some((defence) => defence.id === value);
}
