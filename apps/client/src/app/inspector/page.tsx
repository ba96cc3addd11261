import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { currentUser } from "@/auth/session";
import { ClientHeader } from "@/components/client-header";
import { SignInButton } from "@/components/sign-in-button";

export const metadata: Metadata = { title: "How this worked" };

/** Your own sign-in's flow, when PrintShop knows it; otherwise how to get one. */
export default async function InspectorIndexPage() {
  const user = await currentUser();
  if (user?.flowId) redirect(`/inspector/${user.flowId}`);
  return (
    <>
      <ClientHeader user={user} />
      <main className="presenter mx-auto max-w-3xl space-y-5 px-6 py-10">
        <h1 className="text-4xl font-bold tracking-tight">How this worked</h1>
        <p className="text-xl">
          Sign in with PhotoCloud, and this page shows the seven steps of your sign-in as they really happened: every
          message between your browser, PrintShop, the authorization server and the PhotoCloud API.
        </p>
        {user ? (
          <p>This session&apos;s sign-in was not recorded (recording may be switched off). Sign out and in again to see one.</p>
        ) : (
          <SignInButton />
        )}
        <p>
          To watch a sign-in as it happens, open <Link href="/inspector/live" prefetch={false}>How this worked, live</Link>{" "}
          in a second window first. Or take the steps one at a time in the{" "}
          <Link href="/lab" prefetch={false}>step-through lab</Link>.
        </p>
      </main>
    </>
  );
}
