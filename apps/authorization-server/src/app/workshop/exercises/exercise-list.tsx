"use client";

import { useEffect, useState, type ReactNode } from "react";
import type { Cell } from "@/workshop/progress";

/** Often enough to see an exercise marked done soon after it happened; the room has dozens of laptops. */
const pollMilliseconds = 5000;

function time(iso: string): string {
  return new Date(iso).toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit" });
}

/** Where the attendee stands in one exercise, in words first: colour only repeats them. */
function Status({ cell }: { cell: Cell }) {
  if (cell.state === "reached") {
    return (
      <p className="text-lg font-semibold text-pass">
        <span aria-hidden="true">✓ </span>Done <span className="font-normal text-muted">(seen by the server at {time(cell.at)})</span>
      </p>
    );
  }
  if (cell.state === "failed") {
    return (
      <div className="rounded-lg border-2 border-fail bg-fail-soft px-4 py-2 text-lg text-ink">
        <p className="font-semibold">
          <span aria-hidden="true">✗ </span>Failed at {time(cell.at)}: {cell.failure.words}
        </p>
        {cell.failure.error || cell.failure.description ? (
          <p className="text-base">
            The server answered {cell.failure.error ? <code>{cell.failure.error}</code> : null}
            {cell.failure.description ? ` “${cell.failure.description}”` : null}
          </p>
        ) : null}
      </div>
    );
  }
  return (
    <p className="text-lg text-muted">
      <span aria-hidden="true">· </span>Not yet
    </p>
  );
}

/**
 * The attendee's exercises, each with where they stand, asked for again every
 * {@link pollMilliseconds} ms: an exercise is marked done when the server has seen it happen.
 */
export function ExerciseList({ initialCells, items }: { initialCells: Cell[]; items: { number: number; title: string; body: ReactNode }[] }) {
  const [cells, setCells] = useState(initialCells);

  useEffect(() => {
    const timer = setInterval(async () => {
      const response = await fetch("/workshop/exercises/progress", { cache: "no-store" }).catch(() => null);
      if (response?.ok) setCells(((await response.json()) as { cells: Cell[] }).cells);
    }, pollMilliseconds);
    return () => clearInterval(timer);
  }, []);

  return (
    <ol className="space-y-6">
      {items.map((item, index) => (
        <li key={item.number} className="space-y-3 rounded-xl border-2 border-line bg-surface p-5">
          <h2 className="text-2xl font-bold">
            {item.number}. {item.title}
          </h2>
          <div aria-live="polite">
            <Status cell={cells[index] ?? { state: "not-yet" }} />
          </div>
          <div className="space-y-3 text-lg">{item.body}</div>
        </li>
      ))}
    </ol>
  );
}
