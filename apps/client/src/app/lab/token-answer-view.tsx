import { errorCodeMeanings } from "@seven-steps/protocol";
import { decodeAccessToken } from "@/lab/access-token-claims";
import type { AccessTokenAnswer } from "@/lab/token-step";
import { AccessTokenView } from "./access-token-view";
import { AnswerView } from "./answer-view";
import { LabProblem } from "./step-section";

/** The `cnf.jkt` of a JWT access token: the thumbprint of the key it is bound to (RFC 9449 §6.1). */
function boundKeyOf(accessToken: string): string | undefined {
  const confirmation = decodeAccessToken(accessToken)?.claims.cnf as { jkt?: unknown } | undefined;
  return typeof confirmation?.jkt === "string" ? confirmation.jkt : undefined;
}

/** Whether the token is bound to this tab's key, said plainly. */
function Binding({ tokenType, accessToken, dpopJkt }: { tokenType: string; accessToken: string; dpopJkt?: string }) {
  const jkt = boundKeyOf(accessToken);
  if (tokenType.toLowerCase() !== "dpop" || !jkt) {
    return (
      <p className="max-w-4xl text-xl font-semibold text-fail">
        token_type {tokenType}: this token is not bound to the lab&apos;s key. Whoever copies it can use it.
      </p>
    );
  }
  return (
    <p className="max-w-4xl text-xl">
      <strong>token_type DPoP</strong>: the token is bound to a key, by the claim cnf.jkt ={" "}
      <code className="font-mono break-all">{jkt}</code>
      {jkt === dpopJkt ? ", the thumbprint of this tab's key. Only a request signed with that key can use it." : ", which is not this tab's key."}
    </p>
  );
}

/** Step 5: the token endpoint's answer, and what is inside the access token. */
export function TokenAnswerView({ answer, dpopJkt }: { answer: AccessTokenAnswer; dpopJkt?: string }) {
  const { outcome } = answer;
  const last = answer.attempts.at(-1)!.answer;
  return (
    <div className="space-y-6">
      <AnswerView
        answer={{ ...last, body: answer.shownBody }}
        note={outcome.ok ? "The refresh token is masked: the lab shows only its first 4 characters." : undefined}
      />
      {outcome.ok ? (
        <>
          <Binding tokenType={outcome.tokenType} accessToken={outcome.accessToken} dpopJkt={dpopJkt} />
          <AccessTokenView accessToken={outcome.accessToken} />
        </>
      ) : (
        <LabProblem title={`The token endpoint refused: ${outcome.error.code}`}>
          <p>{outcome.error.description}</p>
          {outcome.error.code === "invalid_grant" ? (
            <p>A code works once, and for 60 seconds only. If the lab waited longer at step 3, start over for a new one.</p>
          ) : outcome.error.code !== "invalid_response" ? (
            <p className="text-muted">{errorCodeMeanings[outcome.error.code]}</p>
          ) : null}
        </LabProblem>
      )}
    </div>
  );
}
