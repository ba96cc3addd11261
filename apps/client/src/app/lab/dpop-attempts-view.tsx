import { DpopProofView } from "@seven-steps/ui/dpop-proof-view";
import type { DpopAttempt } from "@/lab/dpop-request";
import { AnswerView } from "./answer-view";
import { HttpRequestView } from "./http-request-view";

/**
 * The requests the lab sent for one step, each with its DPoP proof decoded, if it had one. When the server asked
 * for a nonce, its refusal is shown between the two tries; the last answer is the next step's.
 */
export function DpopAttemptsView({
  attempts,
  parametersIn,
  meanings,
}: {
  attempts: DpopAttempt[];
  parametersIn?: "query" | "body";
  meanings?: Record<string, string>;
}) {
  return (
    <div className="space-y-6">
      {attempts.map((attempt, index) => {
        const proof = attempt.request.headers.DPoP;
        const last = index === attempts.length - 1;
        return (
          <div key={index} className="space-y-4">
            {attempts.length > 1 ? (
              <h3 className="text-2xl font-bold">{index === 0 ? "First try, without the server's nonce" : "Second try, with the nonce"}</h3>
            ) : null}
            <HttpRequestView request={attempt.request} parametersIn={parametersIn} meanings={meanings} />
            {proof ? <DpopProofView proof={proof} /> : null}
            {last ? null : (
              <AnswerView
                answer={attempt.answer}
                note="use_dpop_nonce: the server wants a nonce of its own in the proof, handed out in DPoP-Nonce. The lab makes a new proof with it and tries once more (RFC 9449 §8, §9)."
              />
            )}
          </div>
        );
      })}
      {attempts.some((attempt) => attempt.request.headers.DPoP) ? (
        <p className="max-w-4xl text-lg text-muted">
          The curl command carries the proof the lab sent, which the server has now seen: sent again, it is refused as a replay
          (its jti is remembered), and after a minute as too old. That is the point of a proof.
        </p>
      ) : null}
    </div>
  );
}
