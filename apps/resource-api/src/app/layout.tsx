import { plainHttpRoomOrigins } from "@seven-steps/config/workshop";
import { WeakenedDefencesBanner } from "@seven-steps/ui/weakened-defences-banner";
import { WorkshopBanner } from "@seven-steps/ui/workshop-banner";
import type { Metadata } from "next";
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
  return (
    <html lang="en">
      <body className="min-h-screen text-lg">
        {env.ATTACK_LAB_WEAKENING ? <WeakenedDefencesBanner /> : null}
        <WorkshopBanner origins={plainHttpRoomOrigins(env)} />
        {children}
      </body>
    </html>
  );
}
