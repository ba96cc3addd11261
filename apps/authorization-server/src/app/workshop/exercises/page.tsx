import type { Metadata } from "next";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { AccountHeader } from "@/components/account-header";
import { NotForYou } from "@/components/workshop/not-for-you";
import { currentUser } from "@/session/current-user";
import { attendeeAccess } from "@/workshop/access";
import { clientScript, clientScriptFileName, secretPlaceholder } from "@/workshop/client-script";
import { exerciseValues, type ExerciseValues } from "@/workshop/exercise-values";
import { exercises, type ExerciseNumber } from "@/workshop/exercises";
import { attendeeProgress } from "@/workshop/progress";
import { CopyableCode } from "./copyable-code";
import { ExerciseList } from "./exercise-list";

export const metadata: Metadata = { title: "Workshop exercises" };

function Address({ href }: { href: string }) {
  return (
    <a href={href} className="font-semibold break-all underline">
      {href}
    </a>
  );
}

function Value({ children }: { children: string }) {
  return <code className="rounded bg-paper px-1.5 py-0.5 font-semibold break-all">{children}</code>;
}

/** Each exercise's instructions, written with the attendee's own values. */
function bodies(values: ExerciseValues): Record<ExerciseNumber, ReactNode> {
  const you = <Value>{values.username}</Value>;
  return {
    1: (
      <p>
        Open PrintShop at <Address href={values.printShop} />, sign in with PhotoCloud as {you} (with the password you were shown
        when you joined), allow PrintShop, then open <strong>How this worked</strong> at the top of its page: the seven steps
        of your own sign-in, message by message.
      </p>
    ),
    2: (
      <p>
        Open the lab at <Address href={values.lab} /> and step through the code flow one request at a time, signed in as {you},
        until the API answers with your photos.
      </p>
    ),
    3: (
      <>
        <p>
          Your own client is registered: <code>client_id</code> <Value>{values.clientId}</Value>, redirect URI{" "}
          <Value>{values.redirectUri}</Value>, authenticated with <code>client_secret_basic</code>. Its secret was shown to you
          once, when you joined; this server keeps only a hash of it and cannot show it again.
        </p>
        <p>
          On your laptop, with Node.js 20 or later: in an empty folder run <Value>npm install oauth4webapi</Value>, save the
          script below as <Value>{clientScriptFileName}</Value>, put your client secret in place of{" "}
          <Value>{secretPlaceholder}</Value>, and run <Value>{`node ${clientScriptFileName}`}</Value>. Open the link it prints,
          sign in as {you}, allow, and go back to the terminal.
        </p>
        <CopyableCode code={clientScript(values)} label="Copy the script" />
      </>
    ),
    4: (
      <p>
        With its access token, your client calls the PhotoCloud API: <Value>{`GET ${values.api}/photos`}</Value> with the
        header <Value>Authorization: Bearer …</Value>. The script does it after the token request, and prints your photos’
        titles.
      </p>
    ),
    5: (
      <p>
        Access tokens live a few minutes; with the refresh token, your client gets a new one without asking you again: a
        token request with <code>grant_type=refresh_token</code>, which replaces the refresh token too. The script does it
        last, when a refresh token came back.
      </p>
    ),
    6: (
      <p>
        Open Connected apps at <Address href={values.connectedApps} />, find your client and revoke its access. Its refresh token
        stops working at once: run the script again and watch which step still works.
      </p>
    ),
    7: (
      <p>
        If the instructor runs the attack lab, open it at <Address href={values.attackLab} /> and try one attack of your choice,
        signed in as {you}. Watch which defence of the server stops it.
      </p>
    ),
  };
}

/**
 * The workshop's seven exercises for the signed-in attendee, each written with their own values
 * (the room's addresses, their client_id and redirect URI; never their client secret) and marked
 * done when the server sees it happen.
 */
export default async function ExercisesPage() {
  const user = await currentUser();
  const access = await attendeeAccess(user);
  if ("refused" in access) {
    if (access.refused === "no-workshop") notFound();
    return (
      <NotForYou user={user} title="The exercises are the attendees’" returnTo="/workshop/exercises" signInText="Sign in with the account you got when you joined">
        <p>
          Each attendee has exercises of their own, with their own account and client. <a href="/workshop/join" className="underline">
            Join the workshop
          </a>{" "}
          with the code the instructor gives you.
        </p>
      </NotForYou>
    );
  }
  const [values, progress] = await Promise.all([
    exerciseValues({ username: access.user.username, clientId: access.attendee.clientId }),
    attendeeProgress(access.room, access.attendee.id),
  ]);
  const body = bodies(values);

  return (
    <>
      <AccountHeader user={access.user} />
      <main className="mx-auto max-w-5xl space-y-6 px-6 py-10">
        <div className="space-y-2">
          <h1 className="text-4xl font-bold tracking-tight">Your exercises, {access.attendee.displayName}</h1>
          <p className="text-xl">
            They build on each other. Each is marked done when the server sees it happen in your own traffic; this page
            follows along by itself.
          </p>
          <p className="text-lg text-muted">
            Issuer <Value>{values.issuer}</Value> · API <Value>{values.api}</Value> · PrintShop <Value>{values.printShop}</Value>
          </p>
        </div>
        <ExerciseList
          initialCells={progress?.cells ?? []}
          items={exercises.map(({ number, title }) => ({ number, title, body: body[number] }))}
        />
      </main>
    </>
  );
}
