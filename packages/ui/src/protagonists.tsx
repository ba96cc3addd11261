import { roles, type Role } from "@seven-steps/protocol";
import { roleDescriptions } from "@seven-steps/story";
import { roleStyle } from "./role-style.tsx";

/**
 * The four protagonists side by side, with this app's own role marked "You are here".
 * `links` gives the address of each role that has one (the user has none: it is the browser).
 */
export function Protagonists({ current, links }: { current: Role; links: Partial<Record<Role, string>> }) {
  return (
    <section aria-labelledby="protagonists-heading">
      <h2 id="protagonists-heading" className="text-xl font-bold">
        The four protagonists
      </h2>
      <ul className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {roles.map((role) => {
          const description = roleDescriptions[role];
          const link = links[role];
          const isCurrent = role === current;
          return (
            <li
              key={role}
              aria-current={isCurrent ? "true" : undefined}
              className={`flex flex-col rounded-xl border-2 p-4 ${roleStyle[role].border} ${isCurrent ? roleStyle[role].soft : "bg-surface"}`}
            >
              <p className={`text-lg font-bold ${roleStyle[role].text}`}>{description.name}</p>
              <p className="mt-1 text-sm text-muted">{description.playedBy}</p>
              <p className="mt-2">{description.summary}</p>
              <p className="mt-auto pt-3 text-sm font-semibold">
                {isCurrent ? "You are here" : link ? <a href={link}>Open {link.replace(/^https?:\/\//, "")}</a> : null}
              </p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
