// PrintShop's defence against a code pushed into someone else's browser (code injection, CSRF at
// the redirect URI), and how the inspector learns whether it held. next-auth enforces it, inside
// its callback: this module describes the check and reads next-auth's verdict on each request.
import { CheckTrail, rfcSection, type Check, type CheckRun } from "@seven-steps/protocol";
import { AsyncLocalStorage } from "node:async_hooks";

/**
 * The callback must answer a sign-in this browser started. When PrintShop sends the browser to
 * PhotoCloud (step 1), next-auth puts the `state` and the PKCE code_verifier into two short-lived,
 * encrypted cookies of that browser (src/auth/cookies.ts). At the callback (step 3) it requires
 * both cookies, for this provider, and the `state` in the answer equal to the one in the cookie;
 * the verifier then goes with the code to the token endpoint, which redeems only a code made for
 * that verifier's challenge. A code Mallory got for her own account, pushed into alice's browser,
 * fails all of it: alice's browser holds no cookie of Mallory's sign-in.
 */
export const callbackBelongsToThisBrowser: Check = {
  checkedBy: "client",
  rule: "the answer belongs to a sign-in this browser started: its state and PKCE verifier cookies are there, and the state matches",
  why: "Without it, an attacker pushes a code of her own account into the victim's browser, which is then signed in as her: what the victim uploads goes to her account.",
  see: rfcSection(9700, "4.7.1"),
  source: "apps/client/src/auth/callback-check.ts",
};

/**
 * The failures by which next-auth 4 (and the openid-client it runs on) refuse an answer that this
 * browser did not ask for: a state or PKCE cookie that is missing, unreadable or made for another
 * provider (next-auth's `checks.state.use` and `checks.pkce.use`), then a state that is missing or
 * another (openid-client's `oauthCallback`), or present when none was expected.
 */
const refusalMessages = [
  /^State cookie was missing/,
  /^State value could not be parsed/,
  /^PKCE code_verifier (cookie was missing|value could not be parsed)/,
  /cookie was created for a different provider than the one handling the callback/,
  /^state missing from the response/,
  /^state mismatch/,
  /^checks\.state argument is missing/,
] as const;

/** Whether next-auth's failure at the callback is this check's refusal, and not a later step's. */
export function isRefusalOfThisCheck(error: unknown): boolean {
  const message = error instanceof Error ? error.message : "";
  return refusalMessages.some((pattern) => pattern.test(message));
}

/** What next-auth reported while it answered one callback. */
interface CallbackReport {
  failure?: unknown;
}

const reports = new AsyncLocalStorage<CallbackReport>();

/**
 * Called by PrintShop's next-auth logger with each error: within a callback being answered, the
 * first one is why the callback failed. next-auth reports it nowhere else.
 */
export function noteCallbackFailure(error: unknown): void {
  const report = reports.getStore();
  if (report && report.failure === undefined) report.failure = error;
}

/**
 * Answers a callback with next-auth, and returns the check's runs for the inspector:
 * - refused, with next-auth's reason, when the state or the PKCE cookie did not belong to it;
 * - passed, when the sign-in went through;
 * - nothing, when the sign-in failed for another reason (next-auth does not say whether the check
 *   ran before that);
 * - switched off, for the attack lab's weak sign-in, which does not run the check (src/auth/provider.ts).
 */
export async function answerCallback(runsTheCheck: boolean, answer: () => Promise<Response>): Promise<{ response: Response; checks: CheckRun[] }> {
  const report: CallbackReport = {};
  const response = await reports.run(report, answer);
  const trail = new CheckTrail();
  if (!runsTheCheck) {
    trail.switchedOff(callbackBelongsToThisBrowser, "The attack lab's weak sign-in (callback-state) checks neither state nor PKCE: the answer went through, whoever's it was.");
  } else if (report.failure === undefined) trail.passed(callbackBelongsToThisBrowser);
  else if (isRefusalOfThisCheck(report.failure)) {
    // openid-client's message goes on with both states: the reason is enough.
    trail.refused(callbackBelongsToThisBrowser, (report.failure as Error).message.replace(/, expected .*$/s, ""));
  }
  return { response, checks: trail.runs };
}
