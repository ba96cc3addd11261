import type { RecordedExchange } from "@seven-steps/inspector";
import { rfcSectionLabel, type CheckOutcome } from "@seven-steps/protocol";
import { roleDescriptions } from "@seven-steps/story";

const outcomeStyles: Record<CheckOutcome, { mark: string; words: string; className: string }> = {
  passed: { mark: "✓", words: "passed", className: "border-pass bg-pass-soft" },
  refused: { mark: "✗", words: "refused the request", className: "border-fail bg-fail-soft" },
  failed: { mark: "!", words: "could not finish", className: "border-warn bg-warn-soft" },
  "switched-off": { mark: "⚠", words: "did not hold, and was switched off by the attack lab: the request went through", className: "border-role-attacker bg-role-attacker-soft" },
};

/**
 * The checks that ran on one recorded request, in the order they ran, as the server that ran them
 * described them: what, why, the RFC section and the file that does it, linked to PrintShop's
 * source viewer at `sourceUrl`. A refused request ends with the check that refused it.
 */
export function CheckList({ exchange, sourceUrl }: { exchange: RecordedExchange; sourceUrl: string }) {
  return (
    <ol className="mt-2 space-y-2" aria-label={`Checks on ${exchange.method} ${new URL(exchange.url, "http://relative.invalid").pathname}`}>
      {exchange.checks.map((check, index) => {
        const style = outcomeStyles[check.outcome];
        return (
          <li key={index} className={`rounded-lg border-l-4 px-3 py-2 ${style.className}`} data-outcome={check.outcome}>
            <p>
              <span aria-hidden="true" className="mr-2 font-bold">
                {style.mark}
              </span>
              <strong>{roleDescriptions[check.checkedBy].name}</strong> checks {check.rule}: <strong>{style.words}</strong>.{" "}
              {check.why}
            </p>
            {check.detail ? <p className="font-mono text-base break-words">{check.detail}</p> : null}
            <p className="text-base">
              <a href={check.see}>{rfcSectionLabel(check.see)}</a> ·{" "}
              <a href={`${sourceUrl}/${check.source}`} className="font-mono">
                {check.source}
              </a>
            </p>
          </li>
        );
      })}
    </ol>
  );
}
