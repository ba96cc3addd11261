import type { Metadata } from "next";
import { MalloryHeader } from "@/components/mallory-header";
import { SendAliceTo } from "@/components/send-alice-to";
import { env } from "@/env";

/** Mallory's page sends alice only to PhotoCloud, never elsewhere. */
function isPhotoCloudUrl(to: string | string[] | undefined): to is string {
  return typeof to === "string" && URL.canParse(to) && new URL(to).origin === new URL(env.ISSUER).origin;
}

export const metadata: Metadata = { title: "Sign in with PhotoCloud" };

/**
 * The link alice clicks, for the attacks whose link Mallory must prepare first (4 and 10). The
 * lab opens this page at once (a browser opens a tab only in answer to a click), registers
 * Mallory's client, then gives the page the PhotoCloud URL in `to`, and the page sends alice there.
 */
export default async function MallorysLinkPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const to = (await searchParams).to;
  return (
    <>
      <MalloryHeader />
      <main className="mx-auto max-w-3xl px-6 py-8">
        {isPhotoCloudUrl(to) ? (
          <SendAliceTo url={to} words="Taking you to PhotoCloud…" />
        ) : (
          <p role="status">Getting things ready…</p>
        )}
      </main>
    </>
  );
}
