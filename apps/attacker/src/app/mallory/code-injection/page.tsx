import type { Metadata } from "next";
import { connection } from "next/server";
import { MalloryHeader } from "@/components/mallory-header";
import { env } from "@/env";
import { PushToCallback } from "./push-to-callback";

export const metadata: Metadata = { title: "Free prints for you" };

/**
 * Mallory's page for the code injection card: alice opens it, and it sends her browser on to
 * PrintShop's callback with the code Mallory got for her own account. Only ever to PrintShop's
 * callback, at its configured address: the page is no open redirector. Opened without a code,
 * it waits for the lab to hand it one.
 */
export default async function CodeInjectionPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection();
  const query = await searchParams;
  const text = (name: string) => (typeof query[name] === "string" ? query[name] : "");
  const provider = text("provider");
  const code = text("code");
  let callback: string | null = null;
  if (/^[\w-]+$/.test(provider) && code) {
    const url = new URL(`/api/auth/callback/${provider}`, env.CLIENT_APP_URL);
    url.searchParams.set("code", code);
    if (text("iss")) url.searchParams.set("iss", text("iss"));
    callback = url.toString();
  }
  return (
    <>
      <meta name="referrer" content="unsafe-url" />
      <MalloryHeader />
      <main className="mx-auto max-w-3xl space-y-4 px-6 py-10">
        <h1 className="text-3xl font-bold">Free prints for PrintShop customers</h1>
        <p>{callback ? "Taking you to PrintShop to claim them…" : "Preparing your voucher…"}</p>
        {callback ? <PushToCallback to={callback} /> : null}
      </main>
    </>
  );
}
