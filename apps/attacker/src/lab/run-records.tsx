"use client";

import type { Flow, RecordedExchange } from "@seven-steps/inspector";
import { rfcSectionLabel, type CheckRun } from "@seven-steps/protocol";
import { FlowInspector } from "@seven-steps/ui/inspector/flow-inspector";
import { useEffect, useState } from "react";

/** The records are written as the apps answer; the page asks a few times, a second apart. */
const attempts = 6;
const pauseMilliseconds = 1000;

/** The check that refused the run, as the server that ran it recorded it: the first refusal of the run. */
export function refusingCheck(flow: Flow): { check: CheckRun; exchange: RecordedExchange } | null {
  for (const exchange of flow.exchanges) {
    const check = exchange.checks.find((run) => run.outcome === "refused");
    if (check) return { check, exchange };
  }
  return null;
}

function senderName(from: string): string {
  return from === "attacker" ? "Mallory" : from.replace("-", " ");
}

/**
 * What the apps recorded of one run: the check that refused Mallory, with its RFC section and its
 * source file, and the run's messages, Mallory's marked as hers.
 */
export function RunRecords({ runId, clientApp }: { runId: string; clientApp: string }) {
  const [flow, setFlow] = useState<Flow | null>(null);
  const [missing, setMissing] = useState(false);

  useEffect(() => {
    let stopped = false;
    async function poll() {
      for (let attempt = 0; attempt < attempts && !stopped; attempt++) {
        const response = await fetch(`/api/runs/${encodeURIComponent(runId)}`, { cache: "no-store" }).catch(() => null);
        if (response?.ok) {
          const found = (await response.json()) as Flow;
          if (!stopped) setFlow(found);
        }
        await new Promise((resolve) => setTimeout(resolve, pauseMilliseconds));
      }
      if (!stopped) setMissing(true);
    }
    void poll();
    return () => {
      stopped = true;
    };
  }, [runId]);

  if (!flow) {
    return missing ? (
      <p className="text-base text-muted">No message of this run was recorded: are the apps recording (RECORD_PROTOCOL_MESSAGES)?</p>
    ) : (
      <p className="text-base text-muted">Reading the apps&apos; records of this run…</p>
    );
  }
  const refusal = refusingCheck(flow);
  return (
    <div className="space-y-4">
      {refusal ? (
        <section aria-label="Refused by" className="rounded-lg border-l-4 border-green-700 bg-green-50 px-4 py-3">
          <h3 className="text-xl font-bold">Refused by</h3>
          <p>
            The {senderName(refusal.check.checkedBy)} checks {refusal.check.rule}. {refusal.check.why}
          </p>
          {refusal.check.detail ? <p className="font-mono text-base break-words">{refusal.check.detail}</p> : null}
          <p className="text-base">
            <a href={refusal.check.see}>{rfcSectionLabel(refusal.check.see)}</a> ·{" "}
            <a href={`${clientApp}/source/${refusal.check.source}`} className="font-mono">
              {refusal.check.source}
            </a>
          </p>
        </section>
      ) : null}
      <section aria-label="Messages of this run">
        <h3 className="text-xl font-bold">Messages of this run</h3>
        <ol className="space-y-1 font-mono text-base">
          {flow.exchanges.map((exchange) => (
            <li key={exchange.id} data-from={exchange.from} className={exchange.from === "attacker" ? "text-role-attacker" : ""}>
              {senderName(exchange.from)} → {senderName(exchange.to)}: {exchange.method} {new URL(exchange.url, "http://relative.invalid").pathname} →{" "}
              {exchange.status}
            </li>
          ))}
        </ol>
      </section>
      <section aria-label="Inspector of this run" className="space-y-2">
        <h3 className="text-xl font-bold">In the inspector</h3>
        <FlowInspector initialFlow={flow} pollUrl={`/api/runs/${encodeURIComponent(runId)}`} sourceUrl={`${clientApp}/source`} />
      </section>
    </div>
  );
}
