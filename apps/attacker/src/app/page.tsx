import { connection } from "next/server";
import { attacks, cardOf } from "@/attacks/catalogue";
import { MalloryHeader } from "@/components/mallory-header";
import { env } from "@/env";
import { AttackCard } from "@/lab/attack-card";

/**
 * The attack lab: each attack of RFC 9700 as a card that runs it for real against the running
 * apps, shows the check that refused it, and, when the apps were started for the lab, runs it
 * again with that one defence switched off.
 */
export default async function AttackLabPage() {
  await connection();
  const origins = { attacker: env.ATTACKER_URL, issuer: env.ISSUER, resourceApi: env.RESOURCE_API_URL, clientApp: env.CLIENT_APP_URL };
  return (
    <>
      <MalloryHeader />
      <main className="presenter mx-auto max-w-6xl space-y-8 px-6 py-10">
        <section className="max-w-3xl space-y-3">
          <h1 className="text-4xl font-bold tracking-tight">The attack lab</h1>
          <p className="text-xl">
            Mallory runs a look-alike print shop. She wants alice&apos;s photos, or alice&apos;s uploads in her own account.
            Every check of PhotoCloud and PrintShop exists because of an attack like hers. Run each one for real: the lab
            shows the answer she got, the check that refused her, and the messages of the run.
          </p>
          <p>
            Mallory only ever attacks the apps of this repository, at their configured addresses, and only alice&apos;s
            account in your own browser, or the demo accounts.
          </p>
          {env.ATTACK_LAB_WEAKENING ? null : (
            <p className="text-base text-muted">
              To see an attack succeed, start the apps for the lab (<code>npm run dev:lab</code>): each card then offers to run
              it with its one defence switched off.
            </p>
          )}
        </section>
        <nav aria-label="The attacks" className="rounded-xl border-2 border-line bg-surface p-5">
          <h2 className="text-xl font-bold">The attacks</h2>
          <ol className="mt-2 grid gap-x-8 gap-y-1 md:grid-cols-2">
            {attacks.map((attack) => (
              <li key={attack.id}>
                <a href={`#attack-${attack.id}`}>
                  {attack.number}. {attack.title}
                </a>
                {attack.weakening ? <span className="text-base text-muted"> · its defence can be switched off</span> : null}
              </li>
            ))}
          </ol>
        </nav>
        {attacks.map((attack) => (
          <AttackCard key={attack.id} card={cardOf(attack)} origins={origins} canSwitchOff={env.ATTACK_LAB_WEAKENING} />
        ))}
      </main>
    </>
  );
}
