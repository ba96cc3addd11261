import { plainHttpRoomOrigins } from "@seven-steps/config/workshop";
import { themeAttribute, themeCookieName } from "@seven-steps/ui/theme";
import { WeakenedDefencesBanner } from "@seven-steps/ui/weakened-defences-banner";
import { WorkshopBanner } from "@seven-steps/ui/workshop-banner";
import type { Metadata } from "next";
import { cookies } from "next/headers";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { env } from "@/env";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "PhotoCloud API", template: "%s · PhotoCloud API" },
  description: "The PhotoCloud API, the resource server of the seven-steps OAuth 2 demo: it holds the photos and checks access tokens.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Read at request time, so that no page (the 404 page included) keeps the banner as it was
  // when the app was built: the same build runs with ATTACK_LAB_WEAKENING and WORKSHOP_HOST set and not.
  await connection();
  // The theme chosen with the toggle goes on <html> as the page is sent, so that it is painted
  // right the first time, with no script; without a choice, the stylesheet follows the system.
  const theme = themeAttribute((await cookies()).get(themeCookieName)?.value);
  return (
    <html lang="en" data-theme={theme}>
      <body className="min-h-screen text-lg">
        {env.ATTACK_LAB_WEAKENING ? <WeakenedDefencesBanner /> : null}
        <WorkshopBanner origins={plainHttpRoomOrigins(env)} />
        {children}
      </body>
    </html>
  );
}
