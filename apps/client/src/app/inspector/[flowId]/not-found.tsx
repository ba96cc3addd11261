import Link from "next/link";
import { ClientHeader } from "@/components/client-header";

/** An unknown or expired flow id, or someone else's: said plainly, with where to go next. */
export default function FlowNotFound() {
  return (
    <>
      <ClientHeader user={null} />
      <main className="mx-auto max-w-3xl space-y-5 px-6 py-10">
        <h1 className="text-4xl font-bold tracking-tight">This flow was not found</h1>
        <p className="text-xl">
          There is no recorded sign-in with this link that you may see. A flow is shown only to the member whose sign-in
          it is, while they are signed in here, and for a day; this one may have expired, or the link is incomplete.
        </p>
        <p>
          <Link href="/inspector">See your latest sign-in</Link>, or <Link href="/lab">take the steps one at a time in the lab</Link>.
        </p>
      </main>
    </>
  );
}
