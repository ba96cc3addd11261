import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentUser } from "@/auth/session";
import { ClientHeader } from "@/components/client-header";
import { SignInButton } from "@/components/sign-in-button";

export const metadata: Metadata = { title: "Sign in" };

/**
 * next-auth's sign-in page. It is also where next-auth sends a sign-in that failed on PrintShop's
 * side (a state or iss that does not match, an unreachable server), with `?error=`: those go on
 * to the page that explains them.
 */
export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { error } = await searchParams;
  if (typeof error === "string") redirect(`/sign-in/problem?error=${encodeURIComponent(error)}`);
  return (
    <>
      <ClientHeader user={await currentUser()} />
      <main className="mx-auto max-w-3xl space-y-5 px-6 py-10">
        <h1 className="text-4xl font-bold tracking-tight">Sign in to PrintShop</h1>
        <p className="text-xl">
          PrintShop has no passwords of its own: you sign in at PhotoCloud, and PhotoCloud asks you what PrintShop may see.
        </p>
        <SignInButton />
      </main>
    </>
  );
}
