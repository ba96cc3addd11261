import type { Metadata } from "next";
import { connection } from "next/server";
import { framedConsentUrl } from "@/attacks/clickjacking";
import { MalloryHeader } from "@/components/mallory-header";

export const metadata: Metadata = { title: "Claim your free prints" };

/**
 * Attack 9, Mallory's decoy: PhotoCloud's consent page in a frame over a button that says
 * "Claim your free prints". A real attacker would make the frame invisible; here it is faint, so
 * that the learner sees what the browser shows in it: the consent page, or nothing at all. The
 * decoy sits where the frame's Allow button falls on a window 1280 pixels wide, with the red
 * banner the apps show while a defence is switched off; a real attacker would measure it.
 */
export default async function FreePrintsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection();
  const runId = (await searchParams)["attack-run"];
  if (typeof runId !== "string") return <p>This page belongs to a run of the attack lab: start it from the lab.</p>;
  const consent = await framedConsentUrl(runId);
  return (
    <>
      <meta name="referrer" content="unsafe-url" />
      <MalloryHeader />
      <main className="mx-auto max-w-4xl space-y-4 px-6 py-8">
        <h1 className="text-3xl font-bold">Claim your free prints!</h1>
        <p>PrintShop customers get 50 free prints this week. One click and they are yours.</p>
        <div className="relative h-[1300px] w-full">
          <button
            type="button"
            className="absolute left-16 top-[1087px] h-14 w-[125px] rounded-lg bg-role-attacker-solid px-2 text-base leading-tight font-semibold text-white"
          >
            Claim your free prints
          </button>
          <iframe
            title="PhotoCloud's consent page, framed by Mallory"
            src={consent.toString()}
            className="absolute inset-0 h-full w-full border-2 border-dashed border-role-attacker opacity-40"
          />
        </div>
        <p className="text-base text-muted">
          The dashed frame is PhotoCloud&apos;s consent page, shown faintly for the lab; Mallory would make it invisible.
        </p>
      </main>
    </>
  );
}
