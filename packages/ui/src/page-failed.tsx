import type { Role } from "@seven-steps/protocol";
import { AppHeader } from "./app-header.tsx";

/**
 * What an app shows, in its `app/error.tsx`, when a page failed on the server. The page does not
 * say why, and need not: in production Next.js hands the browser no message and no stack, only a
 * digest for the logs, where the reason is. The likeliest cause is one that passes by itself, a
 * database that is down for a moment (packages/db/src/unavailable.ts), and the advice is the same
 * for any cause: try again shortly. Route handlers, unlike pages, answer such a moment with a
 * 503 and `Retry-After`; a page's status cannot be set once Next.js renders it.
 */
export function PageFailed({ role, title, digest }: { role: Role; title: string; digest?: string }) {
  return (
    <>
      <AppHeader role={role} title={title} />
      <main className="mx-auto max-w-3xl space-y-4 px-6 py-10">
        <h1 className="text-4xl font-bold tracking-tight">{title} is briefly unavailable</h1>
        <p className="text-xl">This page could not be shown just now. Reload it in a few seconds.</p>
        {digest ? <p className="text-base text-muted">Reference for the server&apos;s logs: {digest}</p> : null}
      </main>
    </>
  );
}
