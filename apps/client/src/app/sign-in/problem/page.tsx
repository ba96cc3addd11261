import type { Metadata } from "next";
import { currentUser } from "@/auth/session";
import { ClientHeader } from "@/components/client-header";
import { SignInButton } from "@/components/sign-in-button";
import { silentServer } from "@/auth/answering";

export const metadata: Metadata = { title: "Sign-in did not complete" };

/**
 * Where a sign-in that did not complete ends: PhotoCloud's own error (RFC 6749 §4.1.2.1), or
 * next-auth's name for what failed on PrintShop's side.
 */
const explanations: Record<string, { title: string; body: string }> = {
  access_denied: {
    title: "You chose not to share your photos",
    body: "You pressed Deny at PhotoCloud, so PrintShop received no access and can see nothing of yours. You can change your mind and sign in again.",
  },
  OAuthSignin: {
    title: "PrintShop could not start the sign-in",
    body: "PhotoCloud Accounts did not answer. Check that it is running, then try again.",
  },
  OAuthCallback: {
    title: "PhotoCloud's answer could not be accepted",
    body: "PrintShop checks every answer from PhotoCloud: its state (is this a sign-in PrintShop started?), its issuer, and the token exchange. One of them failed, so PrintShop did not sign you in.",
  },
  Callback: {
    title: "The sign-in could not be completed",
    body: "Something failed while PrintShop finished the sign-in, for example while reading your profile from the PhotoCloud API.",
  },
};

/**
 * next-auth names a failure on PrintShop's side only broadly: OAuthCallback means a check failed,
 * or a server did not answer during the token exchange or the profile request. Asking both servers
 * now tells which it likely was.
 */
async function explain(error: string): Promise<{ title: string; body: string }> {
  if (error === "OAuthCallback" || error === "Callback") {
    const silent = await silentServer();
    if (silent === "PhotoCloud Accounts") {
      return {
        title: "PhotoCloud Accounts is not answering",
        body: "PrintShop could not finish the sign-in: PhotoCloud Accounts, the authorization server, did not answer when PrintShop exchanged the code for tokens. Try again in a moment.",
      };
    }
    if (silent === "the PhotoCloud API") {
      return {
        title: "The PhotoCloud API is not answering",
        body: "PhotoCloud let you in, but PrintShop could not read your profile from the PhotoCloud API (steps 6 and 7 of the sign-in), so it kept nothing. Try again in a moment.",
      };
    }
  }
  return (
    explanations[error] ?? {
      title: "PhotoCloud could not complete the sign-in",
      body: `PhotoCloud answered with the error ${error}.`,
    }
  );
}

export default async function SignInProblemPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const query = await searchParams;
  const error = typeof query.error === "string" ? query.error : "Callback";
  const description = typeof query.error_description === "string" ? query.error_description : undefined;
  const explanation = await explain(error);
  return (
    <>
      <ClientHeader user={await currentUser()} />
      <main className="mx-auto max-w-3xl space-y-5 px-6 py-10">
        <h1 className="text-4xl font-bold tracking-tight">{explanation.title}</h1>
        <p className="text-xl">{explanation.body}</p>
        <p className="rounded-lg bg-role-client-soft px-3 py-2 font-mono text-base">
          error={error}
          {description ? ` · ${description}` : ""}
        </p>
        <SignInButton label="Try again" />
      </main>
    </>
  );
}
