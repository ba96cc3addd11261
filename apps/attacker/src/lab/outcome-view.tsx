import type { AttackOutcome } from "@/attacks/attack";

const verdicts: Record<AttackOutcome["verdict"], { words: string; className: string }> = {
  refused: { words: "Refused: Mallory did not get what she wanted", className: "border-pass bg-pass-soft" },
  succeeded: { words: "Mallory succeeded", className: "border-fail bg-fail-soft" },
  "could-not-run": { words: "Could not run", className: "border-warn bg-warn-soft" },
};

/** How the run ended: the verdict, the answer Mallory got, and what she holds now. */
export function OutcomeView({ outcome, weakened }: { outcome: AttackOutcome; weakened: boolean }) {
  const verdict = verdicts[outcome.verdict];
  return (
    <div className={`space-y-3 rounded-lg border-l-4 px-4 py-3 ${verdict.className}`} data-verdict={outcome.verdict}>
      <h3 className="text-xl font-bold">
        {verdict.words}
        {weakened ? " (defence switched off)" : ""}
      </h3>
      <p>{outcome.summary}</p>
      {outcome.loot && outcome.loot.length > 0 ? (
        <div>
          <h4 className="font-semibold">Mallory now holds</h4>
          <ul aria-label="Mallory now holds" className="list-disc pl-6">
            {outcome.loot.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {outcome.answers?.map((each) => (
        <div key={each.label}>
          <h4 className="font-semibold">
            {each.label}: {each.status}
          </h4>
          <pre aria-label={`The answer Mallory got: ${each.label}`} className="overflow-x-auto rounded bg-surface p-3 font-mono text-base">
            {typeof each.body === "string" ? each.body : JSON.stringify(each.body, null, 2)}
          </pre>
        </div>
      ))}
      {outcome.answer ? (
        <div>
          <h4 className="font-semibold">The answer Mallory got: {outcome.answer.status}</h4>
          <pre aria-label="The answer Mallory got" className="overflow-x-auto rounded bg-surface p-3 font-mono text-base">
            {typeof outcome.answer.body === "string" ? outcome.answer.body : JSON.stringify(outcome.answer.body, null, 2)}
          </pre>
        </div>
      ) : null}
    </div>
  );
}
