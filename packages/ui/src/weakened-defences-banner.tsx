import { rfcSectionLabel } from "@seven-steps/protocol";
import { weakDemoClientId, weakenableDefences, type WeakenableDefence } from "@seven-steps/story";

const forWhom: Record<WeakenableDefence["scope"], string> = {
  client: `for the client ${weakDemoClientId}`,
  request: "per request, when Mallory asks",
};

/**
 * The red banner every page of every app shows while the apps run with
 * `ATTACK_LAB_WEAKENING=true`: the attack lab may then switch each defence below off, for the
 * weak demo client or for one request, and nobody should mistake such a server for a safe one.
 * Each app's root layout renders it when its env says weakening is on, and nothing otherwise.
 */
export function WeakenedDefencesBanner() {
  return (
    <section role="alert" aria-labelledby="weakened-defences-title" className="bg-weakened text-white">
      <div className="mx-auto max-w-6xl space-y-2 px-6 py-3 text-base">
        <p>
          <strong id="weakened-defences-title" className="text-lg">
            Defences switched off for the attack lab
          </strong>{" "}
          (ATTACK_LAB_WEAKENING=true). These apps are unsafe: never let anyone else reach them.
        </p>
        <ul className="list-disc space-y-0.5 pl-6">
          {weakenableDefences.map((defence) => (
            <li key={defence.id}>
              {defence.name}, {forWhom[defence.scope]} (
              <a className="underline" href={defence.see}>
                {rfcSectionLabel(defence.see)}
              </a>
              )
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
