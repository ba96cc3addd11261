import type { Problem } from "@/photos/problem";
import { SignInButton } from "./sign-in-button";

/** Explains why the photos could not be shown, and what the user can do about it. */
export function ProblemNotice({ problem }: { problem: Problem }) {
  const { title, body, signInAgain } = explain(problem);
  return (
    <section role="alert" className="space-y-3 rounded-xl border-2 border-fail bg-fail-soft p-5 text-ink">
      <h2 className="text-2xl font-bold">{title}</h2>
      <p>{body}</p>
      {signInAgain ? <SignInButton label="Sign in again" /> : null}
    </section>
  );
}

function explain(problem: Problem): { title: string; body: string; signInAgain: boolean } {
  switch (problem.kind) {
    case "signed-out":
      return {
        title: "Please sign in again",
        body: `PrintShop can no longer reach your photos: ${problem.reason}. This happens when access was revoked or has expired.`,
        signInAgain: true,
      };
    case "refused":
      if (problem.error === "insufficient_scope") {
        return {
          title: "PrintShop was not allowed to do that",
          body: `The PhotoCloud API answered ${problem.status} insufficient_scope: ${problem.description} You did not grant PrintShop the scope ${problem.scope ?? "it needs"}.`,
          signInAgain: true,
        };
      }
      return {
        title: "The PhotoCloud API refused PrintShop's access token",
        body: `It answered ${problem.status} ${problem.error}: ${problem.description}`,
        signInAgain: true,
      };
    case "unreachable":
      return {
        title: `${problem.service === "the PhotoCloud API" ? "The PhotoCloud API" : "PhotoCloud Accounts"} is not answering`,
        body: `${problem.reason} Try again in a moment.`,
        signInAgain: false,
      };
    case "failed":
      return { title: "That did not work", body: `The PhotoCloud API answered ${problem.status}: ${problem.description}`, signInAgain: false };
  }
}
