import "server-only";
import { rfcSection } from "@seven-steps/protocol";
import { labAttack } from "@seven-steps/story";
import { readBody } from "@/mallory/loot";
import { recordedExchanges } from "@/mallory/run-records";
import type { Attack } from "./attack";
import { lookAlikeRedirectUri, mallorysLink, registerLookAlike } from "./look-alike-client";
import { printShopClientId } from "./victim-client";

const guardSection = rfcSection(9700, "4.11.2");

/**
 * Attack 4: the authorization server as an open redirector. Mallory wants a link on PhotoCloud's
 * own address that bounces alice to her phishing page, through an error redirect: first with a
 * redirect URI nobody registered, then with a client she registered herself (RFC 7591), whose
 * registered redirect URI is her page, and a request broken on purpose (an unknown scope).
 *
 * No switch: the guard that refuses the second concerns clients anyone registers, and the lab
 * switches defences off only for its weak demo client, which an operator registered.
 */
export const openRedirector: Attack = {
  ...labAttack("open-redirector"),
  story: {
    wants: "a link on PhotoCloud's address that sends alice on to her phishing page: alice trusts the address, and the page asks for her password.",
    has: "PhotoCloud's open registration endpoint (RFC 7591) and a link alice clicks.",
  },
  steps: [
    "Mallory tries the easy way: PrintShop's client_id with her own page as redirect_uri, and a broken request. PhotoCloud refuses a redirect URI PrintShop never registered, on its own page.",
    "So she registers a client of her own, whose registered redirect URI is her phishing page.",
    "Her link asks PhotoCloud for that client with an unknown scope, so that the answer is an error, redirected to her page.",
    "PhotoCloud makes alice sign in first (a redirect from a stranger's link needs at least that), then decides where the error goes.",
  ],
  defence: {
    summary:
      "An unregistered redirect URI gets PhotoCloud's error page, never a redirect (RFC 6749 §4.1.2.1). An error goes back by itself only to a client an operator registered: for a client that registered itself, PhotoCloud tells alice on its own page and lets her choose. This defence has no switch: it protects against clients anyone registers, and the lab switches defences off only for its weak demo client.",
    see: [guardSection, rfcSection(6749, "4.1.2.1")],
  },
  needsVictimBrowser: true,
  phases: {
    async prepare({ mallory, runId }) {
      const borrowed = await mallory.fetch((await mallorysLink(runId, printShopClientId, "admin")).toString());
      const unregistered = { status: borrowed.status, body: borrowed.headers.get("location") ? { location: borrowed.headers.get("location") } : await readBody(borrowed) };
      const registered = await registerLookAlike(mallory, "Photo Backup", lookAlikeRedirectUri);
      if (!registered.clientId) return { outcome: registered.outcome };
      return { link: (await mallorysLink(runId, registered.clientId, "admin")).toString(), unregistered };
    },
    /** Where PhotoCloud sent alice's browser with the error, by its own record of the request. */
    async met({ runId }, input) {
      const decided = (await recordedExchanges(runId, "authorization-request", guardSection)).find(({ check }) => check !== undefined);
      if (!decided) return {};
      const unregistered = input.unregistered as { status: number; body: unknown } | undefined;
      const answers = [
        ...(unregistered ? [{ label: "PrintShop's client_id, with Mallory's page as redirect_uri", ...unregistered }] : []),
        {
          label: "Mallory's own client, with an unknown scope, in alice's browser once signed in",
          status: decided.exchange.status,
          body: { location: decided.exchange.responseHeaders.location ?? null },
        },
      ];
      if (decided.check!.outcome === "refused") {
        return {
          outcome: {
            verdict: "refused",
            summary: `PhotoCloud refused both: her unregistered redirect URI got its error page, and for her own client it checked that ${decided.check!.rule}, so alice saw the error on PhotoCloud's page, with a link she may ignore, and was not sent on.`,
            answers,
          },
        };
      }
      return { outcome: { verdict: "succeeded", summary: "PhotoCloud sent alice on to Mallory's page with the error.", answers } };
    },
  },
};
