"use client";

import { rfcSectionLabel } from "@seven-steps/protocol";
import { useState } from "react";
import type { AttackCard as Card, AttackOutcome } from "@/attacks/attack";
import { createBrowserLab, newRunId, type LabOrigins } from "./browser-lab";
import { browserParts, serverOnly } from "./browser-parts";
import { OutcomeView } from "./outcome-view";
import { RunRecords } from "./run-records";

type RunState =
  | { status: "running"; runId: string; weakened: boolean }
  | { status: "done"; runId: string; weakened: boolean; outcome: AttackOutcome }
  | { status: "failed"; runId: string; weakened: boolean; reason: string };

/**
 * One attack: its story and steps, the buttons that run it for real, and what happened: the
 * answer Mallory got, the check that refused her, and the messages of the run.
 */
export function AttackCard({ card, origins, canSwitchOff }: { card: Card; origins: LabOrigins; canSwitchOff: boolean }) {
  const [run, setRun] = useState<RunState | null>(null);
  const headingId = `attack-${card.id}`;

  function start(weakened: boolean) {
    const runId = newRunId();
    setRun({ status: "running", runId, weakened });
    const lab = createBrowserLab({ attackId: card.id, runId, weakened, origins });
    (browserParts[card.id] ?? serverOnly)(lab).then(
      (outcome) => setRun({ status: "done", runId, weakened, outcome }),
      (error: unknown) => setRun({ status: "failed", runId, weakened, reason: error instanceof Error ? error.message : String(error) }),
    );
  }

  return (
    <article aria-labelledby={headingId} className="space-y-4 rounded-xl border-2 border-line bg-surface p-6">
      <h2 id={headingId} className="text-2xl font-bold">
        {card.number}. {card.title}
      </h2>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        <dt className="font-semibold">Mallory wants</dt>
        <dd>{card.story.wants}</dd>
        <dt className="font-semibold">She already has</dt>
        <dd>{card.story.has}</dd>
        <dt className="font-semibold">The defence</dt>
        <dd>
          {card.defence.summary}{" "}
          {card.defence.see.map((see) => (
            <a key={see} href={see} className="mr-2 whitespace-nowrap">
              {rfcSectionLabel(see)}
            </a>
          ))}
        </dd>
      </dl>
      <ol className="list-decimal space-y-1 pl-6">
        {card.steps.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
      {card.needsVictimBrowser ? (
        <p className="text-base text-muted">
          This attack needs a victim: it opens a tab where you play alice, signed in at PhotoCloud. Sign in as alice there
          if PhotoCloud asks.
        </p>
      ) : null}
      <div className="flex flex-wrap gap-3">
        <button
          type="button"
          onClick={() => start(false)}
          disabled={run?.status === "running"}
          className="rounded-lg bg-role-attacker-solid px-5 py-2 font-semibold text-white disabled:opacity-60"
        >
          Run it
        </button>
        {canSwitchOff && card.weakening ? (
          <button
            type="button"
            onClick={() => start(true)}
            disabled={run?.status === "running"}
            className="rounded-lg border-2 border-fail bg-surface px-5 py-2 font-semibold text-fail disabled:opacity-60"
          >
            Run it with the defence switched off
          </button>
        ) : null}
      </div>
      {run ? (
        <section aria-label="Outcome" aria-live="polite" className="space-y-4" data-run-id={run.runId}>
          {run.status === "running" ? <p role="status">Mallory is at work…</p> : null}
          {run.status === "failed" ? (
            <p role="status" className="rounded-lg border-l-4 border-warn bg-warn-soft px-3 py-2">
              <strong>Could not run:</strong> {run.reason}
            </p>
          ) : null}
          {run.status === "done" ? <OutcomeView outcome={run.outcome} weakened={run.weakened} /> : null}
          {run.status !== "running" ? (
            <RunRecords
              runId={run.runId}
              clientApp={origins.clientApp}
              refused={run.status === "done" && run.outcome.verdict === "refused"}
              refusedInBrowser={run.status === "done" ? run.outcome.refusedInBrowser : undefined}
            />
          ) : null}
        </section>
      ) : null}
    </article>
  );
}
