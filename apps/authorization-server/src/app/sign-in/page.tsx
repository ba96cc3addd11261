import { demoUsers } from "@seven-steps/db/demo-data";
import type { Metadata } from "next";
import { AccountHeader } from "@/components/account-header";
import { env } from "@/env";
import { queryParameters } from "@/oauth/parameters";
import { currentUser } from "@/session/current-user";
import { safeReturnTo } from "@/sign-in/return-to";
import { findClient } from "@/storage/clients";

export const metadata: Metadata = { title: "Sign in" };

const errorMessages: Record<string, string> = {
  invalid: "The username or password is incorrect.",
  missing: "Enter your username and password.",
};

/** The client named in the authorization request we will return to, if any. */
async function clientOf(returnTo: string): Promise<{ name: string } | null> {
  try {
    const clientId = queryParameters(new URL(returnTo, env.ISSUER)).getIfValid("client_id");
    return clientId ? await findClient(clientId) : null;
  } catch {
    return null;
  }
}

/** Step 2, who the user is. The password is typed here, at the authorization server, and nowhere else. */
export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const query = await searchParams;
  const returnTo = safeReturnTo(typeof query.return_to === "string" ? query.return_to : undefined);
  const error = typeof query.error === "string" ? errorMessages[query.error] : undefined;
  const [user, client] = await Promise.all([currentUser(), clientOf(returnTo)]);

  return (
    <>
      <AccountHeader user={user} />
      <main className="mx-auto grid max-w-5xl gap-10 px-6 py-10 md:grid-cols-[1fr_320px]">
        <section aria-labelledby="sign-in-heading" className="space-y-6">
          <div className="space-y-2">
            <h1 id="sign-in-heading" className="text-4xl font-bold tracking-tight">
              Sign in to PhotoCloud
            </h1>
            {client ? (
              <p className="text-xl">
                to continue to <strong>{client.name}</strong>. {client.name} will never see your password.
              </p>
            ) : null}
          </div>
          {error ? (
            <p role="alert" className="rounded-lg border-2 border-fail bg-fail-soft px-4 py-3 font-semibold text-fail">
              {error}
            </p>
          ) : null}
          <form method="post" action="/sign-in/password" className="max-w-md space-y-4">
            <input type="hidden" name="return_to" value={returnTo} />
            <div className="space-y-1">
              <label htmlFor="username" className="block font-semibold">
                Username
              </label>
              <input
                id="username"
                name="username"
                autoComplete="username"
                required
                autoFocus
                className="w-full rounded-lg border-2 border-line bg-surface px-3 py-2"
              />
            </div>
            <div className="space-y-1">
              <label htmlFor="password" className="block font-semibold">
                Password
              </label>
              <input
                id="password"
                name="password"
                type="password"
                autoComplete="current-password"
                required
                className="w-full rounded-lg border-2 border-line bg-surface px-3 py-2"
              />
            </div>
            <button type="submit" className="rounded-lg bg-role-authorization-server-solid px-6 py-2 font-semibold text-white">
              Sign in
            </button>
          </form>
        </section>
        {env.DEMO_MODE ? (
          <aside aria-labelledby="demo-heading" className="h-fit rounded-xl border-2 border-dashed border-role-authorization-server bg-role-authorization-server-soft p-5">
            <h2 id="demo-heading" className="text-lg font-bold">
              Demo accounts
            </h2>
            <p className="text-base text-muted">This is a demo: these accounts exist only in its database.</p>
            <table className="mt-3 w-full text-left font-mono text-base">
              <thead>
                <tr>
                  <th className="font-sans font-semibold">Username</th>
                  <th className="font-sans font-semibold">Password</th>
                </tr>
              </thead>
              <tbody>
                {demoUsers.map((demoUser) => (
                  <tr key={demoUser.username}>
                    <td>{demoUser.username}</td>
                    <td>{demoUser.password}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </aside>
        ) : null}
      </main>
    </>
  );
}
