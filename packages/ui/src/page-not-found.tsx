import type { ReactNode } from "react";

/**
 * What an app shows, in its `app/not-found.tsx`, at an address where it has no page: said plainly,
 * under the app's own header, in the theme the person chose (Next.js's built-in 404 page has
 * colours of its own).
 */
export function PageNotFound({ header, appName }: { header: ReactNode; appName: string }) {
  return (
    <>
      {header}
      <main className="mx-auto max-w-3xl space-y-4 px-6 py-10">
        <h1 className="text-4xl font-bold tracking-tight">Page not found</h1>
        <p className="text-xl">{appName} has no page at this address. The link may be mistyped, or out of date.</p>
        <p>
          <a href="/">Go to {appName}&apos;s home page</a>
        </p>
      </main>
    </>
  );
}
