import { ThemeToggle } from "@seven-steps/ui/theme-toggle";

/** The top bar of Mallory's app: her look-alike shop's name, the role she plays, and the theme toggle, placed as in the other apps' headers. */
export function MalloryHeader() {
  return (
    <header className="border-b-4 border-role-attacker bg-surface">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-4 px-6 py-4">
        <span className="text-2xl font-bold tracking-tight">Mallory&apos;s Prints</span>
        <span className="rounded-full bg-role-attacker-solid px-3 py-1 text-base font-semibold text-white">Attacker</span>
        <ThemeToggle />
      </div>
    </header>
  );
}
