"use client";

import type { RecordedExchange } from "@seven-steps/inspector";
import { stepChecks } from "@seven-steps/inspector/step-checks";
import { steps } from "@seven-steps/protocol";
import { roleDescriptions } from "@seven-steps/story";
import { JwtView } from "./jwt-view";
import { MessageView } from "./message-view";

function rfcLabel(url: string): string {
  const match = /rfc(\d+)#section-([\d.]+)/.exec(url);
  return match ? `RFC ${match[1]} §${match[2]}` : url;
}

function accessTokenOf(exchange: RecordedExchange | undefined): string | undefined {
  const body = exchange?.responseBody as { access_token?: unknown } | null | undefined;
  return typeof body?.access_token === "string" ? body.access_token : undefined;
}

/**
 * One step in detail: what it is, what was checked and why (with the RFC and the file that does
 * it), and its real messages.
 */
export function StepDetail({ stepNumber, exchanges }: { stepNumber: number; exchanges: RecordedExchange[] }) {
  const step = steps.find((candidate) => candidate.number === stepNumber);
  if (!step) return null;
  const carriers = exchanges.filter((exchange) => exchange.steps.includes(step.number)).slice(0, 2);
  const token = step.id === "access-token" ? accessTokenOf(carriers[0]) : undefined;
  return (
    <section aria-labelledby="step-detail-heading" className="space-y-4 rounded-xl border-2 border-line bg-white p-5">
      <div>
        <h2 id="step-detail-heading" className="text-2xl font-bold">
          Step {step.number}: {step.title}
        </h2>
        <p className="text-lg">
          {roleDescriptions[step.from].name} → {roleDescriptions[step.to].name}
          {step.via ? `, through the ${roleDescriptions[step.via].name.toLowerCase()}'s browser` : ""}. {step.description}
        </p>
      </div>

      <div>
        <h3 className="text-xl font-bold">What was checked, and why</h3>
        <ul className="mt-2 space-y-2">
          {stepChecks[step.id].map((check) => (
            <li key={check.rule} className="rounded-lg bg-paper px-3 py-2">
              <p>
                <strong>{roleDescriptions[check.checkedBy].name}</strong> checks {check.rule}. {check.why}
              </p>
              <p className="text-base">
                <a href={check.see}>{rfcLabel(check.see)}</a> ·{" "}
                <a href={`/source/${check.source}`} className="font-mono">
                  {check.source}
                </a>
              </p>
            </li>
          ))}
        </ul>
      </div>

      <div className="space-y-3">
        <h3 className="text-xl font-bold">The message</h3>
        {carriers.length === 0 ? (
          <p className="text-lg text-muted">This step has not happened yet in this flow.</p>
        ) : (
          carriers.map((exchange) => (
            <div key={exchange.id} className="space-y-1">
              <p className="text-base text-muted">
                Recorded by the {roleDescriptions[exchange.recordedBy].name.toLowerCase()} at{" "}
                {new Date(exchange.at).toLocaleTimeString("en-GB")}
                {exchange.steps.length > 1 ? ` · this exchange carries steps ${exchange.steps.join(" and ")}: the request, then the response` : ""}
              </p>
              <MessageView exchange={exchange} />
            </div>
          ))
        )}
        {token ? (
          <div className="space-y-2">
            <h3 className="text-xl font-bold">The access token, decoded</h3>
            <JwtView token={token} />
          </div>
        ) : null}
      </div>
    </section>
  );
}
