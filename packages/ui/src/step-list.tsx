import { steps, type Role } from "@seven-steps/protocol";
import { roleDescriptions } from "@seven-steps/story";
import { roleStyle } from "./role-style.tsx";

/** The seven steps of the sequence, with the steps this role takes part in emphasised. */
export function StepList({ role }: { role: Role }) {
  return (
    <section aria-labelledby="steps-heading">
      <h2 id="steps-heading" className="text-xl font-bold">
        The seven steps
      </h2>
      <ol className="mt-4 space-y-3">
        {steps.map((step) => {
          const involved = step.from === role || step.to === role || step.via === role;
          // The other roles' steps stay in the background (no card, a hollow number, quieter
          // text), but at full strength: text faded with opacity falls below WCAG's 4.5:1.
          return (
            <li
              key={step.id}
              className={`flex gap-4 rounded-lg border p-3 ${involved ? "border-line bg-surface" : "border-transparent text-muted"}`}
            >
              <span
                className={`flex size-9 shrink-0 items-center justify-center rounded-full text-lg font-bold ${involved ? roleStyle[step.from].solid : `border-2 ${roleStyle[step.from].border} ${roleStyle[step.from].text}`}`}
                aria-hidden="true"
              >
                {step.number}
              </span>
              <div>
                <p className={involved ? "font-semibold" : "font-medium"}>
                  {step.number}. {step.title}{" "}
                  <span className="font-normal text-muted">
                    — {roleDescriptions[step.from].name} → {roleDescriptions[step.to].name}
                    {step.via ? `, through the ${roleDescriptions[step.via].name.toLowerCase()}'s browser` : ""}
                  </span>
                </p>
                <p className="text-muted">{step.description}</p>
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
