import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AccountHeader } from "@/components/account-header";
import { NotForYou } from "@/components/workshop/not-for-you";
import { env } from "@/env";
import { currentUser } from "@/session/current-user";
import { instructorAccess } from "@/workshop/access";
import { exercises } from "@/workshop/exercises";
import { roomProgress } from "@/workshop/progress";
import { RoomProgressView } from "./room-progress";

export const metadata: Metadata = { title: "Workshop room" };

/**
 * The room dashboard, for the workshop's instructor: a live table with one row per attendee and
 * one column per exercise, each failure in plain words, the room's most common mistakes, a way
 * into each attendee's flow, and Reset room.
 */
export default async function RoomPage() {
  const user = await currentUser();
  const access = await instructorAccess(user);
  if ("refused" in access) {
    if (access.refused === "no-workshop") notFound();
    return (
      <NotForYou user={user} title="The workshop room is the instructor’s" returnTo="/workshop/room" signInText="Sign in as the instructor">
        <p>This dashboard shows every attendee’s progress and flows. Only the instructor may open it, with their own account.</p>
        <p>
          Attending the workshop? Your exercises are at{" "}
          <a href="/workshop/exercises" className="underline">
            /workshop/exercises
          </a>
          .
        </p>
      </NotForYou>
    );
  }
  const progress = await roomProgress(access.room);

  return (
    <>
      <AccountHeader user={access.user} />
      <main className="presenter mx-auto max-w-[110rem] space-y-8 px-6 py-8">
        <h1 className="text-4xl font-bold tracking-tight">Workshop room</h1>
        <RoomProgressView
          initial={progress}
          columns={exercises.map(({ number, short, title }) => ({ number, short, title }))}
          joinUrl={`${env.ISSUER}/workshop/join`}
        />
        <section aria-labelledby="reset-heading" className="max-w-3xl space-y-3 rounded-xl border-2 border-fail bg-surface p-5">
          <h2 id="reset-heading" className="text-2xl font-bold">
            Reset the room
          </h2>
          <p className="text-lg">
            Deletes every attendee’s account, client, grants, tokens and recordings, and nothing else: the demo accounts and
            your own stay. The old workshop code stops working; the room gets a new one, shown once.
          </p>
          <details className="space-y-3">
            <summary className="w-fit cursor-pointer rounded-lg border-2 border-fail px-5 py-2 text-lg font-semibold text-fail">
              Reset room…
            </summary>
            <form method="post" action="/workshop/room/reset" className="space-y-3 pt-3">
              <input type="hidden" name="csrf_token" value={access.user.csrfToken} />
              <p className="flex items-start gap-3 text-lg">
                <input id="confirm-reset" type="checkbox" name="confirm" value="reset" required className="mt-1.5 size-5" />
                <label htmlFor="confirm-reset">
                  Yes, delete all {progress.attendees.length} {progress.attendees.length === 1 ? "attendee" : "attendees"} and
                  everything they hold. This cannot be undone.
                </label>
              </p>
              <p className="space-y-1">
                <label htmlFor="new-code" className="block text-lg font-semibold">
                  New workshop code <span className="font-normal text-muted">(leave empty for a generated one)</span>
                </label>
                <input
                  id="new-code"
                  name="new_code"
                  autoComplete="off"
                  pattern="[A-Za-z0-9\-]{4,64}"
                  className="w-full max-w-sm rounded-lg border-2 border-line px-3 py-2 text-lg"
                />
              </p>
              <button type="submit" className="rounded-lg bg-fail-solid px-5 py-2 text-lg font-semibold text-white">
                Reset the room
              </button>
            </form>
          </details>
        </section>
      </main>
    </>
  );
}
