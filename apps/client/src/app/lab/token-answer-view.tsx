import { errorCodeMeanings } from "@seven-steps/protocol";
import type { AccessTokenAnswer } from "@/lab/token-step";
import { AccessTokenView } from "./access-token-view";
import { HttpResponseView } from "./http-response-view";
import { LabProblem } from "./step-section";

/** Step 5: the token endpoint's answer, and what is inside the access token. */
export function TokenAnswerView({ answer }: { answer: AccessTokenAnswer }) {
  const { outcome } = answer;
  return (
    <div className="space-y-6">
      <HttpResponseView
        status={answer.status}
        body={answer.shownBody}
        note={outcome.ok ? "The refresh token is masked: the lab shows only its first 4 characters." : undefined}
      />
      {outcome.ok ? (
        <AccessTokenView accessToken={outcome.accessToken} />
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
