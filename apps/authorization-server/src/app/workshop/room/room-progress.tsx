"use client";

import { useEffect, useId, useState } from "react";
import type { Mistake } from "@/workshop/mistakes";
import type { AttendeeProgress, Cell, RoomProgress } from "@/workshop/progress";

/** The issue asks for at most 2 seconds between a step and the dashboard showing it. */
const pollMilliseconds = 2000;

interface Column {
  number: number;
  short: string;
  title: string;
}

function time(iso: string): string {
  return new Date(iso).toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit", second: "2-digit" });
}

/**
 * One cell, in words first: a mark, then "Reached", "Failed" or "Not yet", so that it reads the
 * same without colour. A reached or failed cell opens the flow it comes from in the inspector.
 */
function CellView({ cell, attendee, column }: { cell: Cell; attendee: AttendeeProgress; column: Column }) {
  const context = `${attendee.displayName}, exercise ${column.number}: `;
  const flowLink = (flowId: string | null, text: string) =>
    flowId ? (
      <a href={`/workshop/room/flows/${encodeURIComponent(flowId)}`} aria-label={`${context}${text}`} className="underline">
        {text}
      </a>
    ) : (
      <>
        <span className="sr-only">{context}</span>
        {text}
      </>
    );
  if (cell.state === "reached") {
    return (
      <div className="font-semibold text-pass">
        <span aria-hidden="true">✓ </span>
        {flowLink(cell.flowId, "Reached")}
        <span className="block text-base font-normal text-muted">{time(cell.at)}</span>
      </div>
    );
  }
  if (cell.state === "failed") {
    return (
      <div className="space-y-1">
        <div className="font-semibold text-fail">
          <span aria-hidden="true">✗ </span>
          {flowLink(cell.flowId, "Failed")}
          <span className="text-base font-normal text-muted"> {time(cell.at)}</span>
        </div>
        {cell.failure.error && !cell.failure.words.includes(cell.failure.error) ? <code className="block text-base">{cell.failure.error}</code> : null}
        <p className="text-base leading-snug">{cell.failure.words}</p>
      </div>
    );
  }
  return (
    <span className="text-muted">
      <span className="sr-only">{context}</span>
      <span aria-hidden="true">· </span>Not yet
    </span>
  );
}

function MistakeList({ mistakes }: { mistakes: Mistake[] }) {
  if (mistakes.length === 0) return <p className="text-lg text-muted">No refused request yet.</p>;
  return (
    <ol className="list-inside list-decimal space-y-3 text-lg">
      {mistakes.map((mistake) => (
        <li key={mistake.words}>
          <strong>{mistake.words}</strong>
          {mistake.error && !mistake.words.includes(mistake.error) ? (
            <>
              {" "}
              <code className="text-base">{mistake.error}</code>
            </>
          ) : null}
          <span className="block text-base text-muted">
            {mistake.attendees} {mistake.attendees === 1 ? "attendee" : "attendees"}, {mistake.times}{" "}
            {mistake.times === 1 ? "refused request" : "refused requests"}
          </span>
        </li>
      ))}
    </ol>
  );
}

/**
 * The room dashboard's live part: the table of attendees and exercises, and the tally of
 * mistakes, asked for again every {@link pollMilliseconds} ms.
 */
export function RoomProgressView({ initial, columns, joinUrl }: { initial: RoomProgress; columns: Column[]; joinUrl: string }) {
  const [progress, setProgress] = useState(initial);
  const [updatedAt, setUpdatedAt] = useState(() => new Date().toISOString());
  const [problem, setProblem] = useState<string | null>(null);
  const captionId = useId();
  const mistakesId = useId();

  useEffect(() => {
    const timer = setInterval(async () => {
      const response = await fetch("/workshop/room/progress", { cache: "no-store" }).catch(() => null);
      if (!response) return setProblem("The server did not answer.");
      if (response.status === 403) return setProblem("You are no longer signed in as the instructor: reload the page.");
      if (!response.ok) return setProblem(`The server answered ${response.status}.`);
      setProgress((await response.json()) as RoomProgress);
      setUpdatedAt(new Date().toISOString());
      setProblem(null);
    }, pollMilliseconds);
    return () => clearInterval(timer);
  }, []);

  const { attendees, mistakes } = progress;
  return (
    <div className="grid gap-8 2xl:grid-cols-[1fr_24rem]">
      <section aria-labelledby={captionId} className="min-w-0 space-y-3">
        <p className="text-lg text-muted">
          {attendees.length} {attendees.length === 1 ? "attendee" : "attendees"} · counting since {time(progress.since)} · updated{" "}
          {time(updatedAt)}
          {problem ? <strong className="ml-2 text-fail">Not updated: {problem}</strong> : null}
        </p>
        {attendees.length === 0 ? (
          <p className="text-xl">
            Nobody has joined yet. Attendees join at <code className="font-semibold">{joinUrl}</code> with the workshop code.
          </p>
        ) : null}
        <div className="overflow-x-auto rounded-xl border-2 border-line bg-surface">
          <table className="w-full border-collapse text-left text-lg">
            <caption id={captionId} className="px-4 py-3 text-left text-2xl font-bold">
              Where each attendee is
            </caption>
            <thead>
              <tr className="border-b-2 border-line">
                <th scope="col" className="px-4 py-2">
                  Attendee
                </th>
                {columns.map((column) => (
                  <th key={column.number} scope="col" className="px-3 py-2 align-bottom">
                    <abbr title={column.title} className="no-underline">
                      {column.number}. {column.short}
                    </abbr>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {attendees.map((attendee) => (
                <tr key={attendee.attendeeId} className="border-b border-line align-top">
                  <th scope="row" className="px-4 py-3 font-normal">
                    <span className="block font-bold">{attendee.displayName}</span>
                    <span className="block text-base text-muted">
                      {attendee.username} · <code>{attendee.clientId}</code>
                    </span>
                  </th>
                  {columns.map((column, index) => (
                    <td key={column.number} className="min-w-36 max-w-64 px-3 py-3">
                      <CellView cell={attendee.cells[index] ?? { state: "not-yet" }} attendee={attendee} column={column} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
            {attendees.length > 0 ? (
              <tfoot>
                <tr>
                  <th scope="row" className="px-4 py-2">
                    Reached
                  </th>
                  {columns.map((column, index) => (
                    <td key={column.number} className="px-3 py-2 font-semibold">
                      {attendees.filter((attendee) => attendee.cells[index]?.state === "reached").length} of {attendees.length}
                    </td>
                  ))}
                </tr>
              </tfoot>
            ) : null}
          </table>
        </div>
      </section>
      <section aria-labelledby={mistakesId} className="h-fit space-y-3 rounded-xl border-2 border-line bg-surface p-5">
        <h2 id={mistakesId} className="text-2xl font-bold">
          Most common mistakes
        </h2>
        <p className="text-base text-muted">Every refused request of the room, by what went wrong; the one the most attendees made first.</p>
        <MistakeList mistakes={mistakes} />
      </section>
    </div>
  );
}
