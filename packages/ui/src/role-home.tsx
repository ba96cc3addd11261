import type { Role } from "@seven-steps/protocol";
import type { ReactNode } from "react";
import { AppHeader } from "./app-header.tsx";
import { Protagonists } from "./protagonists.tsx";
import { StepList } from "./step-list.tsx";

/**
 * The home page every app shows: which role it plays, a few facts about it, the four
 * protagonists with links to the other apps, and the seven steps with this role's part marked.
 */
export function RoleHome({
  role,
  title,
  heading,
  children,
  facts,
  links,
  headerActions,
}: {
  role: Role;
  title: string;
  heading: string;
  children: ReactNode;
  facts: [label: string, value: string][];
  links: Partial<Record<Role, string>>;
  /** Shown at the right of the header, such as who is signed in. */
  headerActions?: ReactNode;
}) {
  return (
    <>
      <AppHeader role={role} title={title}>
        {headerActions}
      </AppHeader>
      <main className="mx-auto max-w-6xl space-y-10 px-6 py-10">
        <section className="space-y-3">
          <h1 className="text-4xl font-bold tracking-tight">{heading}</h1>
          <div className="max-w-3xl space-y-2 text-xl">{children}</div>
          <dl className="grid max-w-3xl grid-cols-[auto_1fr] gap-x-6 gap-y-1 font-mono text-base">
            {facts.map(([label, value]) => (
              <div key={label} className="contents">
                <dt className="text-muted">{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
        </section>
        <Protagonists current={role} links={links} />
        <StepList role={role} />
      </main>
    </>
  );
}
