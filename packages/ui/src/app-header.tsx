import type { Role } from "@seven-steps/protocol";
import type { ReactNode } from "react";
import { RoleBadge } from "./role-badge.tsx";
import { roleStyle } from "./role-style.tsx";
import { ThemeToggle } from "./theme-toggle.tsx";

/** The top bar of every app: its name, the role it plays, the theme toggle, and whatever the app adds on the right. */
export function AppHeader({ role, title, children }: { role: Role; title: string; children?: ReactNode }) {
  return (
    <header className={`border-b-4 bg-surface ${roleStyle[role].border}`}>
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-4 px-6 py-4">
        <span className="text-2xl font-bold tracking-tight">{title}</span>
        <RoleBadge role={role} />
        {/* Beside the app's name, where it adds no row to the header: other pages lay out by its height. */}
        <ThemeToggle />
        <div className="ml-auto flex items-center gap-4">{children}</div>
      </div>
    </header>
  );
}
