import type { Metadata } from "next";
import { connection } from "next/server";
import { mallorysAuthorizationUrl, mallorysCatchUri } from "@/attacks/redirect-uri";
import { MalloryHeader } from "@/components/mallory-header";
import { SendAliceTo } from "@/components/send-alice-to";

export const metadata: Metadata = { title: "Free prints for PrintShop customers" };

/**
 * Attack 3, the link alice clicks: it sends her browser to PhotoCloud with an authorization request
 * for the weak demo client whose redirect URI is Mallory's own page (another port of the same
 * host). PhotoCloud refuses it on its own page, unless the lab switched exact matching off.
 */
export default async function BentRedirectPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection();
  const runId = (await searchParams)["attack-run"];
  if (typeof runId !== "string") return <p>This page belongs to a run of the attack lab: start it from the lab.</p>;
  const url = await mallorysAuthorizationUrl(runId, mallorysCatchUri);
  return (
    <>
      <MalloryHeader />
      <main className="mx-auto max-w-3xl px-6 py-8">
        <SendAliceTo url={url.toString()} words="Taking you to PhotoCloud to pick the photos for your free prints…" />
      </main>
    </>
  );
}
