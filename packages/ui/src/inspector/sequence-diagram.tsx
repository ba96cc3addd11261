"use client";

import type { RecordedExchange, Sender } from "@seven-steps/inspector";
import { discoveryStep, roles, steps, type Step } from "@seven-steps/protocol";
import { useId, type ReactNode } from "react";
import { roleStyle } from "../role-style.tsx";
import { describeMalloryMessage, senderDescriptions } from "./senders.ts";

/** What the step detail below the diagram shows: one of the steps (0 to 7), or one of Mallory's messages by its id. */
export type Selection = { step: number } | { malloryMessage: string };

const arrowColour: Record<Sender, string> = {
  user: "border-role-user text-role-user",
  client: "border-role-client text-role-client",
  "authorization-server": "border-role-authorization-server text-role-authorization-server",
  "resource-server": "border-role-resource-server text-role-resource-server",
  attacker: "border-role-attacker text-role-attacker",
};

/** Where each lane's lifeline runs, as a share of the diagram's width: lanes of equal width. */
type LaneCentres = (lane: Sender) => number;

function laneCentres(lanes: readonly Sender[]): LaneCentres {
  return (lane) => ((lanes.indexOf(lane) + 0.5) * 100) / lanes.length;
}

function Arrow({ from, to, colour, dashed }: { from: number; to: number; colour: string; dashed: boolean }) {
  const rightward = to > from;
  return (
    <span
      aria-hidden="true"
      className={`absolute top-[38px] border-t-[3px] ${colour} ${dashed ? "border-dashed" : "border-solid"}`}
      style={{ left: `${Math.min(from, to)}%`, width: `${Math.abs(to - from)}%` }}
    >
      <span
        className={`absolute -top-[9px] h-0 w-0 border-y-[7px] border-y-transparent ${rightward ? "-right-1 border-l-[12px] border-l-current" : "-left-1 border-r-[12px] border-r-current"}`}
      />
    </span>
  );
}

/** The label over an arrow, centred between its two lanes. */
function ArrowLabel({ from, to, muted = false, children }: { from: number; to: number; muted?: boolean; children: ReactNode }) {
  return (
    <span
      className={`absolute top-[6px] text-center text-lg leading-tight font-semibold whitespace-nowrap ${muted ? "text-muted" : "text-ink"}`}
      style={{ left: `${Math.min(from, to)}%`, width: `${Math.abs(to - from)}%` }}
    >
      {children}
    </span>
  );
}

function isSelectedStep(selected: Selection, step: number): boolean {
  return "step" in selected && selected.step === step;
}

function StepArrow({ step, happened, centre }: { step: Step; happened: boolean; centre: LaneCentres }) {
  return (
    <Arrow
      from={centre(step.from)}
      to={centre(step.to)}
      colour={happened ? arrowColour[step.from] : "border-line text-line"}
      dashed={step.channel === "front-channel"}
    />
  );
}

/**
 * Mallory's messages, below the seven steps: each one an arrow from her lane to the lane that
 * received it, a button that opens the message and the checks it met.
 */
function MalloryMessages({
  messages,
  centre,
  selected,
  onSelect,
}: {
  messages: RecordedExchange[];
  centre: LaneCentres;
  selected: Selection;
  onSelect: (selection: Selection) => void;
}) {
  const headingId = useId();
  return (
    <div className="relative border-t-2 border-dashed border-role-attacker pt-2">
      <p id={headingId} className="relative px-2 text-lg font-bold text-role-attacker">
        Mallory&apos;s messages
      </p>
      <ol aria-labelledby={headingId} className="relative">
        {messages.map((message) => {
          const from = centre("attacker");
          const to = centre(message.to);
          const isSelected = "malloryMessage" in selected && selected.malloryMessage === message.id;
          const described = describeMalloryMessage(message);
          return (
            <li key={message.id} className="relative h-[56px]">
              <button
                type="button"
                onClick={() => onSelect({ malloryMessage: message.id })}
                aria-pressed={isSelected}
                aria-label={`Mallory: ${described.request} to ${senderDescriptions[message.to].name}, ${described.answer}`}
                className={`absolute inset-0 w-full rounded-lg ${isSelected ? "bg-role-attacker-soft" : "hover:bg-paper"}`}
              >
                <Arrow from={from} to={to} colour={arrowColour.attacker} dashed={false} />
                <ArrowLabel from={from} to={to}>
                  {described.request} → {described.answer}
                </ArrowLabel>
              </button>
            </li>
          );
        })}
      </ol>
    </div>
  );
}

/**
 * The seven steps between the four protagonists, drawn as in the article: one lane per role, one
 * numbered arrow per step. Front-channel steps, carried by the browser's redirects, are dashed.
 * Each arrow is a button that opens its real message. Step 0, discovery, is drawn above them when
 * it was linked to this flow. When Mallory sent any of the flow's messages (the attack lab), a
 * fifth lane, hers, is drawn last, and her messages below the seven steps.
 */
export function SequenceDiagram({
  exchanges,
  malloryMessages,
  selected,
  onSelect,
}: {
  /** The messages of the protagonists, which the seven steps show. */
  exchanges: RecordedExchange[];
  /** The messages Mallory sent, in the order they came. */
  malloryMessages: RecordedExchange[];
  selected: Selection;
  onSelect: (selection: Selection) => void;
}) {
  const lanes: readonly Sender[] = malloryMessages.length > 0 ? [...roles, "attacker"] : roles;
  const centre = laneCentres(lanes);
  return (
    <div className="relative rounded-xl border-2 border-line bg-surface px-2 pb-3">
      {lanes.map((lane) => (
        <span
          key={lane}
          aria-hidden="true"
          className={`absolute top-16 bottom-3 border-l-2 border-dashed ${lane === "attacker" ? "border-role-attacker/40" : "border-line"}`}
          style={{ left: `${centre(lane)}%` }}
        />
      ))}
      <ul aria-label="Lanes" className={`relative grid gap-4 pt-3 pb-2 ${lanes.length === 5 ? "grid-cols-5" : "grid-cols-4"}`}>
        {lanes.map((lane) => (
          <li key={lane} className={`mx-auto rounded-lg px-4 py-2 text-center text-lg font-bold ${roleStyle[lane].solid}`}>
            {senderDescriptions[lane].name}
          </li>
        ))}
      </ul>
      {exchanges.some((exchange) => exchange.steps.includes(0)) ? (
        <div className="relative h-[56px] border-b-2 border-dashed border-line">
          <button
            type="button"
            onClick={() => onSelect({ step: 0 })}
            aria-pressed={isSelectedStep(selected, 0)}
            aria-label={`Step 0. ${discoveryStep.title}, before the seven steps: ${senderDescriptions[discoveryStep.from].name} to ${senderDescriptions[discoveryStep.to].name} and ${senderDescriptions["authorization-server"].name}`}
            className={`absolute inset-0 w-full rounded-lg ${isSelectedStep(selected, 0) ? "bg-role-client-soft" : "hover:bg-paper"}`}
          >
            <Arrow from={centre(discoveryStep.from)} to={centre(discoveryStep.to)} colour={arrowColour[discoveryStep.from]} dashed={false} />
            <ArrowLabel from={centre(discoveryStep.from)} to={centre(discoveryStep.to)}>
              0. {discoveryStep.title} · before the seven steps
            </ArrowLabel>
          </button>
        </div>
      ) : null}
      <ol aria-label="The seven steps" className="relative">
        {steps.map((step) => {
          const happened = exchanges.some((exchange) => exchange.steps.includes(step.number));
          const label = `${step.number}. ${step.title}`;
          return (
            <li key={step.id} className="relative h-[56px]">
              <button
                type="button"
                onClick={() => onSelect({ step: step.number })}
                aria-pressed={isSelectedStep(selected, step.number)}
                aria-label={`Step ${label}: ${senderDescriptions[step.from].name} to ${senderDescriptions[step.to].name}${happened ? "" : ", not happened yet"}`}
                className={`absolute inset-0 w-full rounded-lg ${isSelectedStep(selected, step.number) ? "bg-role-client-soft" : "hover:bg-paper"}`}
              >
                <StepArrow step={step} happened={happened} centre={centre} />
                <ArrowLabel from={centre(step.from)} to={centre(step.to)} muted={!happened}>
                  {label}
                  {happened ? "" : " · not yet"}
                </ArrowLabel>
              </button>
            </li>
          );
        })}
      </ol>
      {malloryMessages.length > 0 ? <MalloryMessages messages={malloryMessages} centre={centre} selected={selected} onSelect={onSelect} /> : null}
    </div>
  );
}
