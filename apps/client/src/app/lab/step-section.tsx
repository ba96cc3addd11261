import { roleDescriptions } from "@seven-steps/story";
import { RoleBadge } from "@seven-steps/ui/role-badge";
import { roleStyle } from "@seven-steps/ui/role-style";
import type { ReactNode } from "react";
import { specName, stepNumbered, type LabStepNumber } from "@/lab/lab-steps";

/**
 * - `current`: the step the lab is about to perform, or has just shown;
 * - `done`: behind us; `upcoming`: explained ahead of time; `failed`: where the run stopped.
 */
export type StepStatus = "current" | "done" | "upcoming" | "failed";

const statusLabels: Record<StepStatus, string> = { current: "Now", done: "Done", upcoming: "Next", failed: "Stopped" };

/**
 * One step of the lab, headed "Step N: title" with who talks to whom. A collapsed step shows a
 * one-line summary, and its details on request.
 */
export function StepSection({
  number,
  status,
  summary,
  collapsed = false,
  detailsLabel = "Show the details",
  children,
}: {
  number: LabStepNumber;
  status: StepStatus;
  summary?: ReactNode;
  collapsed?: boolean;
  detailsLabel?: string;
  children?: ReactNode;
}) {
  const step = stepNumbered(number);
  const headingId = `step-${number}-heading`;
  const frame =
    status === "failed" ? "border-fail" : status === "current" ? roleStyle[step.from].border : "border-line";
  return (
    <section
      id={`step-${number}`}
      aria-labelledby={headingId}
      className={`scroll-mt-4 rounded-2xl border-2 bg-surface shadow-sm ${collapsed ? "px-6 py-4" : "p-6"} ${frame}`}
    >
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <h2 id={headingId} className="text-2xl font-bold">{`Step ${number}: ${step.title}`}</h2>
        {number === 0 ? <span className="text-lg text-muted">before the seven steps, and optional</span> : null}
        <StatusLabel status={status} />
        <p className="ml-auto flex flex-wrap items-center gap-2 text-base">
          <RoleBadge role={step.from} />
          <span aria-label="to">→</span>
          <RoleBadge role={step.to} />
          {step.via ? <span className="text-muted">through the {roleDescriptions[step.via].name.toLowerCase()}&apos;s browser</span> : null}
        </p>
      </div>
      {collapsed ? (
        <>
          {summary ? <p className="mt-2 text-lg">{summary}</p> : null}
          {children ? (
            <details className="mt-2">
              <summary className="cursor-pointer text-lg font-semibold text-role-client">{detailsLabel}</summary>
              <div className="mt-4 space-y-5">{children}</div>
            </details>
          ) : null}
        </>
      ) : (
        <div className="mt-3 space-y-5">
          <p className="max-w-4xl text-xl">
            {step.description}{" "}
            <a href={step.see} className="text-base whitespace-nowrap text-role-client underline">
              {specName(step.see)}
            </a>
          </p>
          {children}
        </div>
      )}
    </section>
  );
}

function StatusLabel({ status }: { status: StepStatus }) {
  const style = {
    current: "bg-ink text-paper",
    done: "bg-pass-soft text-pass",
    upcoming: "border border-line bg-sunken text-ink",
    failed: "bg-fail-solid text-white",
  }[status];
  return <span className={`rounded-full px-3 py-0.5 text-base font-semibold ${style}`}>{statusLabels[status]}</span>;
}

/** What the next press of a button will do, in a sentence or two, before it is done. */
export function AboutToHappen({ children }: { children: ReactNode }) {
  return (
    <p className="max-w-4xl rounded-xl border-l-8 border-role-client bg-role-client-soft px-5 py-4 text-xl">
      <strong>When you press Next: </strong>
      {children}
    </p>
  );
}

/** Why the run stopped, and what the learner can do; the action bar offers "Start over". */
export function LabProblem({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div role="alert" className="max-w-4xl space-y-2 rounded-xl border-2 border-fail bg-fail-soft p-5 text-ink">
      <p className="text-2xl font-bold">{title}</p>
      <div className="space-y-2 text-xl">{children}</div>
    </div>
  );
}
