import type { Metadata } from "next";
import { MalloryHeader } from "@/components/mallory-header";

export const metadata: Metadata = { title: "PrintShop" };

/** The redirect URI of Mallory's look-alike clients (attacks 4 and 10): where PhotoCloud would send alice. */
export default function MallorysPrintsPage() {
  return (
    <>
      <MalloryHeader />
      <main className="mx-auto max-w-3xl space-y-3 px-6 py-8">
        <h1 className="text-3xl font-bold">Welcome to PrintShop</h1>
        <p>This is Mallory&apos;s look-alike shop. Had alice come here, Mallory would now ask for her PhotoCloud password.</p>
      </main>
    </>
  );
}
