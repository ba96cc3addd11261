import type { Metadata } from "next";
import { connection } from "next/server";
import { AccountHeader } from "@/components/account-header";
import { Credential } from "@/components/credential";
import { currentUser } from "@/session/current-user";
import { takeResetReport, type ResetReport } from "@/workshop/credentials";
import { resetCountsInWords } from "@/workshop/reset";
import { roomRoleOf } from "@/workshop/room-role";

export const metadata: Metadata = { title: "The room was reset" };

/**
 * What a reset deleted, and the room's new code with its join link, shown to the instructor this
 * one time: the reset's handler sealed them for this page (workshop/credentials.ts), which takes
 * them, so a reload finds them gone. Only the instructor's session may take them.
 */
export default async function ResetReportPage({ params }: { params: Promise<{ id: string }> }) {
  await connection();
  const user = await currentUser();
  const isInstructor = (await roomRoleOf(user))?.role === "instructor";
  const report = isInstructor ? await takeResetReport((await params).id) : undefined;
  return (
    <>
      <AccountHeader user={user} />
      <main className="mx-auto max-w-3xl space-y-6 px-6 py-10">
        {!isInstructor ? <NotTheInstructor /> : report === undefined ? <AlreadyShown /> : <Report report={report} />}
        <p>
          <a href="/workshop/room" className="font-semibold text-role-client underline">
            Back to the room
          </a>
        </p>
      </main>
    </>
  );
}

function Report({ report }: { report: ResetReport }) {
  return (
    <section aria-labelledby="reset-heading" className="space-y-6">
      <div role="status" className="space-y-1 rounded-xl border-2 border-role-authorization-server bg-role-authorization-server-soft px-5 py-4">
        <h1 id="reset-heading" tabIndex={-1} autoFocus className="text-3xl font-bold outline-none">
          The room was reset
        </h1>
        <p>
          Every attendee&apos;s account and client are gone, with all they held. The instructor, the demo users and the demo clients are as
          they were. Old join links and old credentials no longer work.
        </p>
      </div>
      <section aria-labelledby="deleted-heading" className="space-y-2">
        <h2 id="deleted-heading" className="text-xl font-bold">
          Deleted
        </h2>
        <ul className="grid list-disc gap-x-8 pl-6 sm:grid-cols-2">
          {resetCountsInWords(report.counts).map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="new-code-heading" className="space-y-3">
        <h2 id="new-code-heading" className="text-xl font-bold">
          The new workshop code
        </h2>
        <p role="note" className="rounded-lg border-2 border-fail bg-fail-soft px-4 py-3 font-semibold text-fail">
          Shown this once: PhotoCloud Accounts keeps only its hash. Put the join link on the room&apos;s screen now.
        </p>
        <Credential label="workshop code" value={report.code} />
        <Credential label="join link" value={report.joinUrl} />
      </section>
    </section>
  );
}

function AlreadyShown() {
  return (
    <section aria-labelledby="already-shown-heading" className="space-y-2 rounded-xl border-2 border-line bg-surface px-5 py-4">
      <h1 id="already-shown-heading" className="text-2xl font-bold">
        This reset was already shown
      </h1>
      <p>
        A reset&apos;s new code is shown once, on the page that follows it, within 5 minutes. If you did not copy it, set a code of your
        choice with <code>npm run workshop:setup -- --code &lt;code&gt;</code>, or reset the room again.
      </p>
    </section>
  );
}

function NotTheInstructor() {
  return (
    <section aria-labelledby="not-instructor-heading" className="space-y-2 rounded-xl border-2 border-line bg-surface px-5 py-4">
      <h1 id="not-instructor-heading" className="text-2xl font-bold">
        Only the instructor may see this page
      </h1>
      <p>Sign in with the instructor&apos;s account to see what a reset of the room deleted.</p>
    </section>
  );
}
