import type { AuthorizationResponseError } from "@seven-steps/protocol";
import type { ReceivedAuthorizationResponse } from "@/lab/authorization-step";
import type { LabSession } from "@/lab/lab-session";
import { authorizationResponseParameters } from "@/lab/parameter-meanings";
import { ParameterTable } from "./parameter-table";
import { LabProblem } from "./step-section";

/**
 * Step 3 as the lab sees it: the verdict of validateAuthorizationResponse (first when it is a
 * refusal), the address the browser came back to, and the two checks that tie this response to
 * the request of step 1.
 */
export function AuthorizationResponseView({
  session,
  received,
  redirectUri,
}: {
  session: LabSession;
  received: ReceivedAuthorizationResponse;
  redirectUri: string;
}) {
  const receivedValue = (name: string) => received.parameters.find(([candidate]) => candidate === name)?.[1] ?? null;
  return (
    <div className="space-y-5">
      {received.outcome.ok ? null : <Refusal error={received.outcome.error} issuer={session.issuer} />}
      <p className="text-xl">The authorization server sent your browser back to the lab&apos;s redirect URI:</p>
      <p className="flex items-center gap-3 rounded-xl border-2 border-ink px-4 py-3 font-mono text-2xl">
        <span className="rounded-md bg-ink px-2 py-0.5 text-lg font-bold text-paper">GET</span>
        <span className="break-all">{redirectUri}</span>
      </p>
      <ParameterTable caption="Query parameters" parameters={received.parameters} meanings={authorizationResponseParameters} />
      <h3 className="text-2xl font-bold">The lab&apos;s checks</h3>
      <ul className="grid gap-4 lg:grid-cols-2">
        <Check
          title="state is the one the lab sent"
          sent={session.state}
          received={receivedValue("state")}
          why="Ties the answer to this tab's request: a forged response cannot know it (CSRF, RFC 6749 §10.12)."
        />
        <Check
          title="iss is the server the lab asked"
          sent={session.issuer}
          received={receivedValue("iss")}
          why="Proves which authorization server answered, so a code is never sent to the wrong one (mix-up, RFC 9207)."
        />
      </ul>
      {received.outcome.ok ? (
        <p className="text-xl font-semibold text-pass">Both match, and there is a code: the lab accepts it.</p>
      ) : null}
    </div>
  );
}

/** One comparison, shown for the learner; the decision is validateAuthorizationResponse's. */
function Check({ title, sent, received, why }: { title: string; sent: string; received: string | null; why: string }) {
  const passed = received === sent;
  return (
    <li className={`flex gap-4 rounded-xl border-2 p-4 ${passed ? "border-pass bg-pass-soft" : "border-fail bg-fail-soft"}`}>
      <span
        aria-hidden="true"
        className={`flex size-11 shrink-0 items-center justify-center rounded-full text-2xl font-bold text-white ${passed ? "bg-pass-solid" : "bg-fail-solid"}`}
      >
        {passed ? "✓" : "✗"}
      </span>
      <div className="min-w-0 space-y-1">
        <p className="text-xl font-bold">
          {title}: {passed ? "yes" : "no"}
        </p>
        <p className="font-mono text-base break-all">
          <span className="font-sans text-muted">expected </span>
          {sent}
        </p>
        <p className="font-mono text-base break-all">
          <span className="font-sans text-muted">received </span>
          {received ?? "(nothing)"}
        </p>
        <p className="text-base text-muted">{why}</p>
      </div>
    </li>
  );
}

function Refusal({ error, issuer }: { error: AuthorizationResponseError; issuer: string }) {
  switch (error.code) {
    case "access_denied":
      return (
        <LabProblem title="Access denied: no code, and so no token">
          <p>
            PhotoCloud sent back <code>error=access_denied</code> instead of a code: {error.description} Nothing was
            shared with the lab.
          </p>
        </LabProblem>
      );
    case "state_mismatch":
      return (
        <LabProblem title="The state does not match: the lab refuses this response">
          <p>
            This answer does not belong to the request this tab sent. Someone could be trying to make the lab use a code
            of theirs (cross-site request forgery), so the lab stops here.
          </p>
        </LabProblem>
      );
    case "issuer_mismatch":
      return (
        <LabProblem title="The issuer does not match: the lab refuses this response">
          <p>
            The answer does not say it comes from {issuer}. A client that talks to several authorization servers could be
            tricked into sending a code to the wrong one (a mix-up attack), so the lab stops here.
          </p>
        </LabProblem>
      );
    default:
      return (
        <LabProblem title={`The lab cannot use this response: ${error.code}`}>
          <p>{error.description}</p>
        </LabProblem>
      );
  }
}
