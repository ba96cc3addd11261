import { DpopProofView } from "@seven-steps/ui/dpop-proof-view";
import type { DpopAttempt } from "@/lab/dpop-request";
import { AnswerView } from "./answer-view";
import { HttpRequestView } from "./http-request-view";
import { LabProblem } from "./step-section";

type Replay = { status: "sending" } | { status: "answered"; answer: DpopAttempt[] } | { status: "no-answer"; reason: string };

const tries = [
  "As a plain Bearer token, without a proof",
  "Under DPoP, with a proof signed by another key",
] as const;

/**
 * What DPoP is for: the access token alone is worth nothing. The lab plays the thief who copied
 * the token from a log or a screen, but not the private key, which never leaves this tab.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9449#section-7.1
 */
export function ReplayView({ replay, onReplay }: { replay: Replay | null; onReplay: () => void }) {
  return (
    <section aria-labelledby="replay-heading" className="space-y-5 rounded-2xl border-2 border-line bg-surface p-6 shadow-sm">
      <h2 id="replay-heading" className="text-2xl font-bold">
        What a stolen token is worth
      </h2>
      <p className="max-w-4xl text-xl">
        The access token is bound to this tab&apos;s key. Someone who copied the token, but not the key, sends it twice: as a
        Bearer token, and with a proof signed by a key of their own. The PhotoCloud API should refuse both.
      </p>
      <button
        type="button"
        onClick={onReplay}
        disabled={replay?.status === "sending"}
        aria-busy={replay?.status === "sending"}
        className="rounded-xl border-2 border-fail bg-surface px-5 py-2.5 text-xl font-semibold text-fail hover:bg-fail-soft disabled:cursor-wait disabled:opacity-60"
      >
        Replay this token without its key
      </button>
      {replay?.status === "no-answer" ? (
        <LabProblem title="No answer from the PhotoCloud API">
          <p>{replay.reason}</p>
        </LabProblem>
      ) : null}
      {replay?.status === "answered"
        ? replay.answer.map((attempt, index) => {
            const proof = attempt.request.headers.DPoP;
            return (
              <div key={index} className="space-y-4">
                <h3 className="text-2xl font-bold">{tries[index] ?? `Try ${index + 1}`}</h3>
                <HttpRequestView request={attempt.request} />
                {proof ? <DpopProofView proof={proof} title="The thief's proof, decoded" /> : null}
                <AnswerView
                  answer={attempt.answer}
                  note={attempt.answer.status === 401 ? "Refused: the token is bound to a key this request does not prove." : undefined}
                />
              </div>
            );
          })
        : null}
    </section>
  );
}
