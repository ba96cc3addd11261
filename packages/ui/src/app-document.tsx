import { plainHttpRoomOrigins, type WorkshopConfiguration } from "@seven-steps/config/workshop";
import { cookies } from "next/headers";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { themeAttribute, themeCookieName } from "./theme.ts";
import { WeakenedDefencesBanner } from "./weakened-defences-banner.tsx";
import { WorkshopBanner } from "./workshop-banner.tsx";

/** What the document reads of an app's configuration; every app's env has it. */
export type DocumentConfiguration = WorkshopConfiguration & { ATTACK_LAB_WEAKENING: boolean };

/**
 * The <html> and <body> of every page of the four apps (each root layout renders it): the banners
 * every page shows, one while a defence may be switched off (the attack lab), one in workshop
 * mode, and the colour theme chosen with the toggle, on <html> as the page is sent, so that it is
 * painted right the first time, with no script; without a choice, the stylesheet follows the
 * system. Read at request time, so that no page (a 404 page included) keeps what held when the app
 * was built: the same build runs with ATTACK_LAB_WEAKENING and WORKSHOP_HOST set and not.
 */
export async function AppDocument({ configuration, children }: { configuration: DocumentConfiguration; children: ReactNode }) {
  await connection();
  const theme = themeAttribute((await cookies()).get(themeCookieName)?.value);
  return (
    <html lang="en" data-theme={theme}>
      <body className="min-h-screen text-lg">
        {configuration.ATTACK_LAB_WEAKENING ? <WeakenedDefencesBanner /> : null}
        <WorkshopBanner origins={plainHttpRoomOrigins(configuration)} />
        {children}
      </body>
    </html>
  );
}
