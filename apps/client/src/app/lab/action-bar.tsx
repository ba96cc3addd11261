"use client";

import type { ReactNode } from "react";
import { forgetLabDpopKey } from "@/lab/dpop-key";
import { clearLabSession } from "@/lab/lab-session";
import { stepNumbered, type LabStepNumber } from "@/lab/lab-steps";

/**
 * The lab's controls, fixed at the bottom of the screen so that the next action is always in
 * sight on a projector, however far the page has scrolled.
 */
export function ActionBar({ current, children }: { current: LabStepNumber; children: ReactNode }) {
  return (
    <div className="fixed inset-x-0 bottom-0 z-10 border-t-4 border-role-client bg-surface shadow-[0_-4px_16px_rgba(15,23,42,0.12)]">
      <div className="mx-auto flex max-w-6xl items-center gap-4 px-6 py-4">
        <p className="text-xl">
          <span className="font-bold">{current === 0 ? "Step 0, before the seven" : `Step ${current} of 7`}</span>
          <span className="text-muted"> · {stepNumbered(current).title}</span>
        </p>
        <div className="ml-auto flex items-center gap-3">{children}</div>
      </div>
    </div>
  );
}

/** The button that performs the current step. Its name says what it sends. */
export function NextButton({ label, onClick, busy = false }: { label: string; onClick: () => void; busy?: boolean }) {
  return (
    <button
      type="button"
      onClick={onClick}
      disabled={busy}
      aria-busy={busy}
      className="rounded-xl bg-role-client-solid px-6 py-3 text-xl font-bold text-white shadow hover:opacity-90 disabled:cursor-wait disabled:opacity-60"
    >
      {label}
      <span aria-hidden="true"> →</span>
    </button>
  );
}

/** Forgets this tab's run (verifier, state, step, DPoP key) and begins again at step 1. */
export function StartOverButton({ prominent = false }: { prominent?: boolean }) {
  async function startOver() {
    clearLabSession();
    // A new run gets a new key; the old one could not be used again anyway without its tokens.
    await forgetLabDpopKey().catch(() => undefined);
    // A full page load, not a client-side navigation: nothing of this run, tokens included, stays in memory.
    // eslint-disable-next-line @next/next/no-location-assign-relative-destination
    window.location.assign("/lab");
  }
  return (
    <button
      type="button"
      onClick={startOver}
      className={
        prominent
          ? "rounded-xl bg-role-client-solid px-6 py-3 text-xl font-bold text-white shadow hover:opacity-90"
          : "rounded-xl border-2 border-role-client bg-surface px-5 py-2.5 text-xl font-semibold text-role-client hover:bg-role-client-soft"
      }
    >
      Start over
    </button>
  );
}
