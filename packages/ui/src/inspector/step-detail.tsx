"use client";

import type { RecordedExchange } from "@seven-steps/inspector";
import { discoveryStep, steps } from "@seven-steps/protocol";
import { roleDescriptions } from "@seven-steps/story";
import { useId } from "react";
import { DpopProofView } from "../dpop-proof-view.tsx";
import { CheckList } from "./check-list.tsx";
import { JwtView } from "./jwt-view.tsx";
import { MessageView } from "./message-view.tsx";

function accessTokenOf(exchange: RecordedExchange | undefined): string | undefined {
  const body = exchange?.responseBody as { access_token?: unknown } | null | undefined;
  return typeof body?.access_token === "string" ? body.access_token : undefined;
}

/** What was checked on the requests that carry a step: the lists themselves at the request's step, a pointer at its answer's. */
function ChecksOfStep({ stepNumber, carriers, sourceUrl }: { stepNumber: number; carriers: RecordedExchange[]; sourceUrl: string }) {
  const checked = carriers.filter((exchange) => exchange.checks.length > 0);
  if (checked.length === 0) {
    return <p className="text-lg text-muted">No checks were recorded for this step&apos;s messages.</p>;
  }
  return (
    <div className="space-y-3">
      {checked.map((exchange) => {
        const requestStep = exchange.steps[0];
        const server = roleDescriptions[exchange.to].name.toLowerCase();
        const path = new URL(exchange.url, "http://relative.invalid").pathname;
        if (requestStep !== stepNumber) {
          return (
            <p key={exchange.id} className="text-lg">
              This answer came after the {server} checked the request of step {requestStep} ({exchange.checks.length} checks, shown there).
            </p>
          );
        }
        return (
          <div key={exchange.id}>
            <p className="text-lg">
              The {server} ran these checks on <code>{exchange.method} {path}</code>, in this order:
            </p>
            <CheckList exchange={exchange} sourceUrl={sourceUrl} />
          </div>
        );
      })}
    </div>
  );
}

/**
 * One step in detail: what it is, what was checked and why (as recorded from the request itself,
 * with the RFC and the file that does it), and its real messages.
 */
export function StepDetail({ stepNumber, exchanges, sourceUrl }: { stepNumber: number; exchanges: RecordedExchange[]; sourceUrl: string }) {
  const headingId = useId();
  const step = stepNumber === 0 ? discoveryStep : steps.find((candidate) => candidate.number === stepNumber);
  if (!step) return null;
  // Step 0 is a few requests in a row; the others, a request and the same step seen from the other side.
  const carriers = exchanges.filter((exchange) => exchange.steps.includes(step.number)).slice(0, step.number === 0 ? undefined : 2);
  const token = step.id === "access-token" ? accessTokenOf(carriers[0]) : undefined;
  return (
    <section aria-labelledby={headingId} className="space-y-4 rounded-xl border-2 border-line bg-surface p-5">
      <div>
        <h2 id={headingId} className="text-2xl font-bold">
          Step {step.number}: {step.title}
        </h2>
        <p className="text-lg">
          {roleDescriptions[step.from].name} → {roleDescriptions[step.to].name}
          {step.via ? `, through the ${roleDescriptions[step.via].name.toLowerCase()}'s browser` : ""}. {step.description}
        </p>
        {step.number === 0 ? (
          <p className="mt-2 max-w-4xl rounded-lg border-l-4 border-warn bg-warn-soft px-3 py-2 text-lg">
            <strong>Linked by a guess.</strong> Discovery belongs to the client, not to a flow: nothing in these messages
            names the sign-in that followed, and a client may discover once for many sign-ins. The inspector shows here the
            step-0 messages sent from the same browser (the same address and User-Agent) in the two minutes before this flow
            began. Another browser behind the same address could be mistaken for yours; these messages hold nothing secret.
          </p>
        ) : null}
      </div>

      <div>
        <h3 className="text-xl font-bold">What was checked, and why</h3>
        <ChecksOfStep stepNumber={step.number} carriers={carriers} sourceUrl={sourceUrl} />
      </div>

      <div className="space-y-3">
        <h3 className="text-xl font-bold">The message</h3>
        {carriers.length === 0 ? (
          <p className="text-lg text-muted">This step has not happened yet in this flow.</p>
        ) : (
          carriers.map((exchange) => (
            <div key={exchange.id} className="space-y-2">
              <p className="text-base text-muted">
                Recorded by the {roleDescriptions[exchange.recordedBy].name.toLowerCase()} at{" "}
                {new Date(exchange.at).toLocaleTimeString("en-GB")}
                {exchange.steps.length > 1 ? ` · this exchange carries steps ${exchange.steps.join(" and ")}: the request, then the response` : ""}
              </p>
              <MessageView exchange={exchange} />
              {exchange.requestHeaders.dpop ? (
                <DpopProofView
                  proof={exchange.requestHeaders.dpop}
                  title={`The DPoP proof of ${exchange.method} ${new URL(exchange.url, "http://relative.invalid").pathname}, decoded`}
                />
              ) : null}
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
