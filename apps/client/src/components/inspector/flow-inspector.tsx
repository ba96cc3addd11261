"use client";

import type { Flow } from "@seven-steps/inspector";
import { steps } from "@seven-steps/protocol";
import { useEffect, useState } from "react";
import { SequenceDiagram } from "./sequence-diagram";
import { StepDetail } from "./step-detail";

const pollMilliseconds = 1500;

/**
 * The exchanges the diagram does not show: the same steps seen from the other side, page reloads,
 * pictures and refreshes.
 */
function laterExchanges(flow: Flow) {
  const firstPass = new Set(steps.map((step) => flow.exchanges.find((exchange) => exchange.steps.includes(step.number))));
  return flow.exchanges.filter((exchange) => !firstPass.has(exchange) && !exchange.steps.includes(0));
}

function describeKind(exchange: Flow["exchanges"][number]): string {
  if (exchange.kind === "refresh") return "refresh (steps 4 and 5 again)";
  const stepsText = exchange.steps.length === 1 ? `step ${exchange.steps[0]}` : `steps ${exchange.steps.join(" and ")}`;
  return `${exchange.kind} (${stepsText})`;
}

/**
 * The inspector: the diagram fills in live (the page asks for the flow again every
 * {@link pollMilliseconds} ms) and each arrow opens its message.
 */
export function FlowInspector({ initialFlow }: { initialFlow: Flow }) {
  const [flow, setFlow] = useState(initialFlow);
  const [selected, setSelected] = useState(1);

  useEffect(() => {
    const timer = setInterval(async () => {
      const response = await fetch(`/api/inspector/flows/${encodeURIComponent(initialFlow.id)}`, { cache: "no-store" }).catch(() => null);
      if (response?.ok) setFlow((await response.json()) as Flow);
    }, pollMilliseconds);
    return () => clearInterval(timer);
  }, [initialFlow.id]);

  const happened = steps.filter((step) => flow.exchanges.some((exchange) => exchange.steps.includes(step.number))).length;
  const discovered = flow.exchanges.some((exchange) => exchange.steps.includes(0));
  const later = laterExchanges(flow);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline gap-x-6 gap-y-1">
        <h1 className="text-3xl font-bold tracking-tight">How this worked</h1>
        <p className="text-lg text-muted" role="status">
          {happened} of 7 steps recorded{discovered ? ", and step 0 before them" : ""} · flow <code>{flow.id}</code> · dashed arrows
          travel through the browser
        </p>
        <a className="ml-auto text-lg font-semibold" href={`/inspector/${encodeURIComponent(flow.id)}/handout`}>
          Download as a Markdown handout
        </a>
      </div>
      <SequenceDiagram exchanges={flow.exchanges} selected={selected} onSelect={setSelected} />
      <StepDetail stepNumber={selected} exchanges={flow.exchanges} />
      {later.length > 0 ? (
        <section aria-labelledby="afterwards-heading" className="rounded-xl border-2 border-line bg-white p-5">
          <h2 id="afterwards-heading" className="text-2xl font-bold">
            More messages in this flow
          </h2>
          <p className="text-base text-muted">
            The diagram shows the first message of each step. These came too: the same steps seen from the other side,
            page reloads, pictures, and refreshes.
          </p>
          <ul className="mt-2 space-y-1 font-mono text-base">
            {later.map((exchange) => (
              <li key={exchange.id}>
                {new Date(exchange.at).toLocaleTimeString("en-GB")} · {describeKind(exchange)} ·{" "}
                {exchange.method} {new URL(exchange.url, "http://relative.invalid").pathname} → {exchange.status}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
