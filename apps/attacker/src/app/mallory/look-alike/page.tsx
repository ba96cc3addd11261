import type { Metadata } from "next";
import { MalloryHeader } from "@/components/mallory-header";
import { SendAliceTo } from "@/components/send-alice-to";
import { env } from "@/env";

/** Mallory's page sends alice only to PhotoCloud, never elsewhere. */
function isPhotoCloudUrl(to: string | string[] | undefined): to is string {
  return typeof to === "string" && URL.canParse(to) && new URL(to).origin === new URL(env.ISSUER).origin;
}

export const metadata: Metadata = { title: "PrintShop: sign in with PhotoCloud" };

/**
 * Attack 10, the link alice clicks. The lab opens this page at once (a browser opens a tab only
 * in answer to a click), registers Mallory's look-alike, then gives the page its authorization
 * URL in `to`, and the page sends alice there.
 */
export default async function LookAlikePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const to = (await searchParams).to;
  return (
    <>
      <MalloryHeader />
      <main className="mx-auto max-w-3xl px-6 py-8">
        {isPhotoCloudUrl(to) ? (
          <SendAliceTo url={to} words="Taking you to PhotoCloud to connect your photos to PrintShop…" />
        ) : (
          <p role="status">Getting PrintShop ready…</p>
        )}
      </main>
    </>
  );
}
