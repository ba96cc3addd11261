import type { Metadata } from "next";
import { MalloryHeader } from "@/components/mallory-header";
import { CaughtCode } from "./caught-code";

export const metadata: Metadata = { title: "Your free prints" };

/** The redirect URI Mallory slips into an authorization request (attack 3): her own page, on her own port. */
export default function CatchPage() {
  return (
    <>
      <MalloryHeader />
      <main className="mx-auto max-w-3xl px-6 py-8">
        <CaughtCode />
      </main>
    </>
  );
}
