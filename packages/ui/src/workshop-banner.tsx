import { rfcSectionLabel } from "@seven-steps/protocol";

/** The rule workshop mode sets aside for the room's own addresses (packages/config/workshop.ts). */
export const tlsRequired = "https://www.rfc-editor.org/rfc/rfc6749#section-3.1";

/** The banner's words after the list of addresses, also in the pages a route handler writes itself. */
export const workshopWarning = "Anyone on this network can read what is sent: use workshop accounts only, never a real password. Outside a workshop, OAuth requires https";

/**
 * The banner every page of every app shows in workshop mode (`npm run workshop`, which sets
 * WORKSHOP_HOST): the apps are then reached over plain http on the room's network, where anyone
 * can read a password or a token on its way. It says so to everyone in the room, every time, in
 * words rather than alarm: the risk is accepted for a workshop, with workshop accounts. Each app's
 * root layout passes `plainHttpRoomOrigins(env)`; outside workshop mode that is empty, and the
 * banner is not there.
 */
export function WorkshopBanner({ origins }: { origins: readonly string[] }) {
  if (origins.length === 0) return null;
  const listed = [...new Set(origins)].sort();
  return (
    <section role="note" aria-labelledby="workshop-banner-title" className="border-b-2 border-amber-400 bg-amber-100 text-amber-950">
      <p className="mx-auto max-w-6xl px-6 py-2 text-base">
        <strong id="workshop-banner-title">Workshop mode:</strong> this server is reached over plain http at{" "}
        {listed.map((origin, index) => (
          <span key={origin}>
            {index > 0 ? ", " : null}
            <code className="font-mono">{origin}</code>
          </span>
        ))}
        . {workshopWarning} (
        <a className="underline" href={tlsRequired}>
          {rfcSectionLabel(tlsRequired)}
        </a>
        ).
      </p>
    </section>
  );
}
