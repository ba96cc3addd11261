import { discoveryStep, steps } from "@seven-steps/protocol";
import { roleStyle } from "@seven-steps/ui/role-style";
import type { LabStepNumber } from "@/lab/lab-steps";

/**
 * The seven steps in a row, each in the colour of its sender: done, current (or failed), to come;
 * step 0 before them when the run began with it.
 */
export function LabProgress({ current, failed = false, withDiscovery = false }: { current: LabStepNumber; failed?: boolean; withDiscovery?: boolean }) {
  const shown = withDiscovery ? [discoveryStep, ...steps] : steps;
  return (
    <nav aria-label="Lab progress">
      <ol className={`grid ${withDiscovery ? "grid-cols-8" : "grid-cols-7"}`}>
        {shown.map((step) => {
          const isCurrent = step.number === current;
          const hasFailed = isCurrent && failed;
          // The last step is done as soon as the lab reaches it: there is nothing left to send.
          const isDone = step.number < current || (isCurrent && current === 7 && !failed);
          const markerStyle = hasFailed
            ? "bg-fail-solid text-white"
            : isDone || isCurrent
              ? roleStyle[step.from].solid
              : `border-2 bg-surface ${roleStyle[step.from].border} ${roleStyle[step.from].text}`;
          return (
            <li
              key={step.id}
              aria-current={isCurrent ? "step" : undefined}
              className="relative flex flex-col items-center gap-1 px-1 text-center"
            >
              {step.number < 7 ? (
                <span aria-hidden="true" className="absolute top-[18px] left-[calc(50%+26px)] right-[calc(-50%+26px)] h-0.5 bg-line" />
              ) : null}
              <span
                aria-hidden="true"
                className={`flex size-9 items-center justify-center rounded-full text-lg font-bold ${markerStyle} ${isCurrent ? "ring-4 ring-ink/25" : ""}`}
              >
                {hasFailed ? "✗" : isDone ? "✓" : step.number}
              </span>
              <span className={`text-base leading-tight ${isCurrent ? "font-bold" : step.number > current ? "text-muted" : ""}`}>
                <span className="sr-only">{`Step ${step.number}: `}</span>
                {step.title}
                {isDone ? <span className="sr-only"> (done)</span> : null}
                {hasFailed ? <span className="sr-only"> (failed)</span> : null}
              </span>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
