import type { Metadata } from "next";
import { mallorysIssuer, weakDemoClientId } from "@seven-steps/story";
import { connection } from "next/server";
import { ClientHeader } from "@/components/client-header";
import { env } from "@/env";
import { AlicesApp } from "./alices-app";

export const metadata: Metadata = { title: "alice's app, for the attack lab" };

/**
 * The redirect URI of PrintShop's weak demo client, `printshop-weak`: a public client whose only
 * page plays "alice's app" for the attack lab. It starts an authorization with PKCE, receives the
 * code, redeems it if asked to, and hands what a leak would give away to the lab's tab at
 * ATTACKER_URL: the PKCE verifier only when the lab plays a logged token request (attack 5). Kept
 * open if the lab asks, it refreshes its tokens when told to (attacks 5 and 6). It is a stand-in
 * for the app a real attack steals from.
 */
export default async function AlicesAppPage() {
  await connection();
  return (
    <>
      <ClientHeader user={null} />
      <main className="mx-auto max-w-3xl space-y-4 px-6 py-8">
        <h1 className="text-3xl font-bold">alice&apos;s app, played for the attack lab</h1>
        <p>
          This page is PrintShop&apos;s weak demo client, a public client that keeps its PKCE verifier to itself. The attack
          lab opened it to play alice&apos;s side of an attack. What a leak would give away (the code, or the tokens) goes
          back to the lab&apos;s tab; the verifier does only when the lab plays a leaked token request. It knows two
          authorization servers: PhotoCloud, and Mallory&apos;s Accounts; it checks that each answer comes from the one it
          sent alice to (RFC 9207).
        </p>
        <AlicesApp
          configuration={{
            authorizationEndpoint: `${env.AUTHORIZATION_SERVER_ISSUER}/authorize`,
            tokenEndpoint: `${env.AUTHORIZATION_SERVER_ISSUER}/token`,
            issuer: env.AUTHORIZATION_SERVER_ISSUER,
            clientId: weakDemoClientId,
            redirectUri: `${env.CLIENT_APP_URL}/attack-lab/victim`,
            labOrigin: new URL(env.ATTACKER_URL).origin,
            mallorysServer: {
              issuer: mallorysIssuer(env.ATTACKER_URL),
              authorizationEndpoint: `${mallorysIssuer(env.ATTACKER_URL)}/authorize`,
              tokenEndpoint: `${mallorysIssuer(env.ATTACKER_URL)}/token`,
            },
            issuerCheckMaySwitchOff: env.ATTACK_LAB_WEAKENING,
          }}
        />
      </main>
    </>
  );
}
