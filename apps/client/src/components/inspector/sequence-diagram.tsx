"use client";

import type { RecordedExchange } from "@seven-steps/inspector";
import { discoveryStep, roles, steps, type DiscoveryStep, type Role, type Step } from "@seven-steps/protocol";
import { roleDescriptions } from "@seven-steps/story";
import { roleStyle } from "@seven-steps/ui/role-style";

/** Where each lane's lifeline runs, as a share of the diagram's width. */
const laneCentre: Record<Role, number> = { user: 12.5, client: 37.5, "authorization-server": 62.5, "resource-server": 87.5 };

const arrowColour: Record<Role, string> = {
  user: "border-role-user text-role-user",
  client: "border-role-client text-role-client",
  "authorization-server": "border-role-authorization-server text-role-authorization-server",
  "resource-server": "border-role-resource-server text-role-resource-server",
};

function Arrow({ step, happened }: { step: Step | DiscoveryStep; happened: boolean }) {
  const from = laneCentre[step.from];
  const to = laneCentre[step.to];
  const rightward = to > from;
  const colour = happened ? arrowColour[step.from] : "border-line text-line";
  return (
    <span
      aria-hidden="true"
      className={`absolute top-[38px] border-t-[3px] ${colour} ${step.channel === "front-channel" ? "border-dashed" : "border-solid"}`}
      style={{ left: `${Math.min(from, to)}%`, width: `${Math.abs(to - from)}%` }}
    >
      <span
        className={`absolute -top-[9px] h-0 w-0 border-y-[7px] border-y-transparent ${rightward ? "-right-1 border-l-[12px] border-l-current" : "-left-1 border-r-[12px] border-r-current"}`}
      />
    </span>
  );
}

/**
 * The seven steps between the four protagonists, drawn as in the article: one lane per role, one
 * numbered arrow per step. Front-channel steps, carried by the browser's redirects, are dashed.
 * Each arrow is a button that opens its real message. Step 0, discovery, is drawn above them when
 * it was linked to this flow.
 */
export function SequenceDiagram({
  exchanges,
  selected,
  onSelect,
}: {
  exchanges: RecordedExchange[];
  selected: number;
  onSelect: (step: number) => void;
}) {
  return (
    <div className="relative rounded-xl border-2 border-line bg-white px-2 pb-3">
      {roles.map((role) => (
        <span
          key={role}
          aria-hidden="true"
          className="absolute top-16 bottom-3 border-l-2 border-dashed border-line"
          style={{ left: `${laneCentre[role]}%` }}
        />
      ))}
      <ul aria-label="Lanes" className="relative grid grid-cols-4 gap-4 pt-3 pb-2">
        {roles.map((role) => (
          <li key={role} className={`mx-auto rounded-lg px-4 py-2 text-center text-lg font-bold ${roleStyle[role].solid}`}>
            {roleDescriptions[role].name}
          </li>
        ))}
      </ul>
      {exchanges.some((exchange) => exchange.steps.includes(0)) ? (
        <div className="relative h-[56px] border-b-2 border-dashed border-line">
          <button
            type="button"
            onClick={() => onSelect(0)}
            aria-pressed={selected === 0}
            aria-label={`Step 0. ${discoveryStep.title}, before the seven steps: ${roleDescriptions[discoveryStep.from].name} to ${roleDescriptions[discoveryStep.to].name} and ${roleDescriptions["authorization-server"].name}`}
            className={`absolute inset-0 w-full rounded-lg ${selected === 0 ? "bg-role-client-soft" : "hover:bg-paper"}`}
          >
            <Arrow step={discoveryStep} happened />
            <span
              className="absolute top-[6px] text-center text-lg leading-tight font-semibold whitespace-nowrap text-ink"
              style={{ left: `${laneCentre[discoveryStep.from]}%`, width: `${laneCentre[discoveryStep.to] - laneCentre[discoveryStep.from]}%` }}
            >
              0. {discoveryStep.title} · before the seven steps
            </span>
          </button>
        </div>
      ) : null}
      <ol aria-label="The seven steps" className="relative">
        {steps.map((step) => {
          const happened = exchanges.some((exchange) => exchange.steps.includes(step.number));
          const from = laneCentre[step.from];
          const to = laneCentre[step.to];
          const label = `${step.number}. ${step.title}`;
          return (
            <li key={step.id} className="relative h-[56px]">
              <button
                type="button"
                onClick={() => onSelect(step.number)}
                aria-pressed={selected === step.number}
                aria-label={`Step ${label}: ${roleDescriptions[step.from].name} to ${roleDescriptions[step.to].name}${happened ? "" : ", not happened yet"}`}
                className={`absolute inset-0 w-full rounded-lg ${selected === step.number ? "bg-role-client-soft" : "hover:bg-paper"}`}
              >
                <Arrow step={step} happened={happened} />
                <span
                  className={`absolute top-[6px] text-center text-lg leading-tight font-semibold whitespace-nowrap ${happened ? "text-ink" : "text-muted"}`}
                  style={{ left: `${Math.min(from, to)}%`, width: `${Math.abs(to - from)}%` }}
                >
                  {label}
                  {happened ? "" : " · not yet"}
                </span>
              </button>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
