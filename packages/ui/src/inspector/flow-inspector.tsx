"use client";

import type { Flow, RecordedExchange } from "@seven-steps/inspector";
import { steps } from "@seven-steps/protocol";
import { useEffect, useId, useState, type ReactNode } from "react";
import { MalloryMessage } from "./mallory-message.tsx";
import { SequenceDiagram, type Selection } from "./sequence-diagram.tsx";
import { StepDetail } from "./step-detail.tsx";

const pollMilliseconds = 1500;

/**
 * The exchanges the diagram does not show: the same steps seen from the other side, page reloads,
 * pictures and refreshes.
 */
function laterExchanges(exchanges: RecordedExchange[]) {
  const firstPass = new Set(steps.map((step) => exchanges.find((exchange) => exchange.steps.includes(step.number))));
  return exchanges.filter((exchange) => !firstPass.has(exchange) && !exchange.steps.includes(0));
}

function describeKind(exchange: RecordedExchange): string {
  if (exchange.kind === "refresh") return "refresh (steps 4 and 5 again)";
  const stepsText = exchange.steps.length === 1 ? `step ${exchange.steps[0]}` : `steps ${exchange.steps.join(" and ")}`;
  return `${exchange.kind} (${stepsText})`;
}

/** Mallory's messages apart from the protagonists': the seven steps show only theirs. */
function split(flow: Flow): { protagonists: RecordedExchange[]; mallory: RecordedExchange[] } {
  return {
    protagonists: flow.exchanges.filter((exchange) => exchange.from !== "attacker"),
    mallory: flow.exchanges.filter((exchange) => exchange.from === "attacker"),
  };
}

/** Step 1, or Mallory's first message in a flow that has only hers. */
function firstSelection(flow: Flow): Selection {
  const { protagonists, mallory } = split(flow);
  return protagonists.length === 0 && mallory[0] ? { malloryMessage: mallory[0].id } : { step: 1 };
}

/**
 * The inspector: the diagram fills in live (the page asks `pollUrl` for the flow again every
 * {@link pollMilliseconds} ms) and each arrow opens its message. PrintShop's "How this worked"
 * shows a sign-in's flow, the attack lab a run's; `sourceUrl` is PrintShop's source viewer, where
 * each check's file is shown, and `handoutUrl`, when given, offers the flow as a handout. A page
 * that names the inspector under a heading of its own (the lab's card) leaves out its `title`.
 *
 * PrintShop's live page follows whatever sign-in its browser makes: its `pollUrl` answers `null`
 * until there is one, while `waiting` is shown, and a newer sign-in's flow, with another id,
 * replaces the one shown and opens at its own first step.
 */
export function FlowInspector({
  initialFlow,
  pollUrl,
  waiting,
  ...shown
}: {
  initialFlow: Flow | null;
  pollUrl: string;
  waiting?: ReactNode;
} & ViewOptions) {
  const [flow, setFlow] = useState(initialFlow);

  useEffect(() => {
    const timer = setInterval(async () => {
      const response = await fetch(pollUrl, { cache: "no-store" }).catch(() => null);
      if (response?.ok) setFlow((await response.json()) as Flow | null);
    }, pollMilliseconds);
    return () => clearInterval(timer);
  }, [pollUrl]);

  return flow ? <FlowView key={flow.id} flow={flow} {...shown} /> : waiting;
}

interface ViewOptions {
  sourceUrl?: string;
  handoutUrl?: string;
  title?: boolean;
}

/** One flow, as it stands: the diagram and the message selected in it. */
function FlowView({ flow, sourceUrl = "/source", handoutUrl, title = true }: { flow: Flow } & ViewOptions) {
  const [selected, setSelected] = useState<Selection>(() => firstSelection(flow));
  const afterwardsId = useId();

  const { protagonists, mallory } = split(flow);
  const happened = steps.filter((step) => protagonists.some((exchange) => exchange.steps.includes(step.number))).length;
  const discovered = protagonists.some((exchange) => exchange.steps.includes(0));
  const later = laterExchanges(protagonists);
  const selectedMessage = "malloryMessage" in selected ? mallory.find((exchange) => exchange.id === selected.malloryMessage) : undefined;
  return (
    <div className="presenter space-y-4">
      <div className="flex flex-wrap items-baseline gap-x-6 gap-y-1">
        {title ? <h1 className="text-3xl font-bold tracking-tight">How this worked</h1> : null}
        <p className="text-lg text-muted" role="status">
          {happened} of 7 steps recorded{discovered ? ", and step 0 before them" : ""}
          {mallory.length > 0 ? `, and ${mallory.length} ${mallory.length === 1 ? "message" : "messages"} from Mallory` : ""} · flow{" "}
          <code>{flow.id}</code> · dashed arrows travel through the browser
        </p>
        {handoutUrl ? (
          <a className="ml-auto text-lg font-semibold" href={handoutUrl}>
            Download as a Markdown handout
          </a>
        ) : null}
      </div>
      <SequenceDiagram exchanges={protagonists} malloryMessages={mallory} selected={selected} onSelect={setSelected} />
      {selectedMessage ? (
        <MalloryMessage exchange={selectedMessage} sourceUrl={sourceUrl} />
      ) : (
        <StepDetail stepNumber={"step" in selected ? selected.step : 1} exchanges={protagonists} sourceUrl={sourceUrl} />
      )}
      {later.length > 0 ? (
        <section aria-labelledby={afterwardsId} className="rounded-xl border-2 border-line bg-surface p-5">
          <h2 id={afterwardsId} className="text-2xl font-bold">
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
