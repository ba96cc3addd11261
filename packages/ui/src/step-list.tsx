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
          return (
            <li
              key={step.id}
              className={`flex gap-4 rounded-lg border p-3 ${involved ? "border-line bg-white" : "border-transparent opacity-60"}`}
            >
              <span
                className={`flex size-9 shrink-0 items-center justify-center rounded-full text-lg font-bold ${roleStyle[step.from].solid}`}
                aria-hidden="true"
              >
                {step.number}
              </span>
              <div>
                <p className="font-semibold">
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
