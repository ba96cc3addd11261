"use client";

import type { Flow, RecordedExchange } from "@seven-steps/inspector";
import { rfcSectionLabel, type CheckRun } from "@seven-steps/protocol";
import { FlowInspector } from "@seven-steps/ui/inspector/flow-inspector";
import { useEffect, useState } from "react";

/** The records are written as the apps answer; the page asks a few times, a second apart. */
const attempts = 6;
const pauseMilliseconds = 1000;

/**
 * The check that refused Mallory, as the server that ran it recorded it: the last refusal of a
 * request sent by Mallory or by alice's browser, the one that finally stopped her. Earlier
 * refusals may be ones she caused on purpose (attack 4 sends an unknown scope to get an error) or
 * tries she gave up on. Refusals of what alice's app sends afterwards (its refresh, in attacks 5
 * and 6) are the damage the defence did to the grant Mallory stole from, not what stopped her;
 * they count only when nothing else was refused.
 */
export function refusingCheck(flow: Flow): { check: CheckRun; exchange: RecordedExchange } | null {
  const byMalloryOrTheBrowser = flow.exchanges.filter((exchange) => exchange.from === "attacker" || exchange.from === "user");
  return lastRefusal(byMalloryOrTheBrowser) ?? lastRefusal(flow.exchanges);
}

function lastRefusal(exchanges: RecordedExchange[]): { check: CheckRun; exchange: RecordedExchange } | null {
  for (const exchange of exchanges.toReversed()) {
    const check = exchange.checks.findLast((run) => run.outcome === "refused");
    if (check) return { check, exchange };
  }
  return null;
}

function senderName(from: string): string {
  return from === "attacker" ? "Mallory" : from.replace("-", " ");
}

/** The check that refused Mallory: what it checks and why, its RFC section and its source file. */
function RefusedBy({ check, clientApp }: { check: CheckRun; clientApp: string }) {
  return (
    <section aria-label="Refused by" className="rounded-lg border-l-4 border-pass bg-pass-soft px-4 py-3">
      <h3 className="text-xl font-bold">Refused by</h3>
      <p>
        The {senderName(check.checkedBy)} checks {check.rule}. {check.why}
      </p>
      {check.detail ? <p className="font-mono text-base break-words">{check.detail}</p> : null}
      <p className="text-base">
        <a href={check.see}>{rfcSectionLabel(check.see)}</a> ·{" "}
        <a href={`${clientApp}/source/${check.source}`} className="font-mono">
          {check.source}
        </a>
      </p>
    </section>
  );
}

/**
 * What the apps recorded of one run: for a refused run, the check that refused Mallory, with its
 * RFC section and its source file; and the run's messages, Mallory's marked as hers.
 */
export function RunRecords({
  runId,
  clientApp,
  refused,
  refusedInBrowser,
}: {
  runId: string;
  clientApp: string;
  refused: boolean;
  refusedInBrowser?: CheckRun;
}) {
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

  // A run Mallory won was refused by nothing: whatever refusal it recorded is not the story. A
  // check that ran in alice's browser is in no server's records: her app reported it.
  const refusal = refused ? ((flow && refusingCheck(flow)?.check) ?? refusedInBrowser) : undefined;
  const refusedBy = refusal ? <RefusedBy check={refusal} clientApp={clientApp} /> : null;
  if (!flow) {
    return (
      <div className="space-y-4">
        {refusedBy}
        {missing ? (
          <p className="text-base text-muted">No message of this run was recorded: are the apps recording (RECORD_PROTOCOL_MESSAGES)?</p>
        ) : (
          <p className="text-base text-muted">Reading the apps&apos; records of this run…</p>
        )}
      </div>
    );
  }
  return (
    <div className="space-y-4">
      {refusedBy}
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
        <FlowInspector initialFlow={flow} pollUrl={`/api/runs/${encodeURIComponent(runId)}`} sourceUrl={`${clientApp}/source`} title={false} />
      </section>
    </div>
  );
}
