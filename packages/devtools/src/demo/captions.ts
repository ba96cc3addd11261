// What the demo says before each step: the step's number and title from the protocol's catalogue
// of the seven steps (packages/protocol/src/steps.ts), and one sentence on what to look at now.
import { getStep, steps, type StepId } from "@seven-steps/protocol";

/** A caption as the demo lays it over the page, and as stills.json records it. */
export interface Caption {
  /** The step it announces (1 to 7), or none for the demo's opening and closing words. */
  step?: number;
  heading: string;
  sentence: string;
  /**
   * What the address bar holds at this moment, which a recording does not show: the request the
   * browser is about to send. Secrets in it (the code) are masked before it is shown.
   */
  address?: string;
}

/** What to look at, step by step, when the member allows. */
const lookAt: Record<StepId, string> = {
  "authorization-request":
    "PrintShop sends your browser to PhotoCloud. What it asks for rides in the address bar: its client_id, the scope, a state and a PKCE code_challenge.",
  "user-authorization": "You sign in at PhotoCloud, never at PrintShop: PrintShop never sees this password.",
  "authorization-code": "The code is in the address bar, not the page: PhotoCloud sends the browser back to PrintShop's redirect URI with it.",
  "access-token-request":
    "PrintShop's server now trades the code and its PKCE code_verifier for tokens, straight with PhotoCloud. The browser only waits.",
  "access-token": "The access token went to PrintShop's server, not to the browser. The inspector shows its claims: who, for whom, which scope, until when.",
  "access-resource": "PrintShop calls the PhotoCloud API with the access token in its Authorization header: once to learn who signed in, now for the photos.",
  "resource-delivery": "The API checked the token's signature, issuer, audience, lifetime and scope, and answered with this member's photos only.",
};

/** The caption announcing a step of the flow. */
export function stepCaption(id: StepId, sentence = lookAt[id], address?: string): Caption {
  const step = getStep(id);
  return { step: step.number, heading: `Step ${step.number} of ${steps.length} · ${step.title}`, sentence, address };
}

/** Step 2 has two pages: the sign-in, then the consent screen, whose caption depends on the answer. */
export function consentCaption(deny: boolean): Caption {
  return stepCaption(
    "user-authorization",
    deny
      ? "PhotoCloud asks you, not PrintShop, what PrintShop may do. This time the member clicks Deny."
      : "PhotoCloud asks you, not PrintShop, what PrintShop may do: the scopes it asked for. The member allows.",
  );
}

/** Step 3 when the member denied: no code, an error. */
export const deniedCodeCaption: Caption = stepCaption(
  "authorization-code",
  "No code this time: the address bar carries error=access_denied back to PrintShop, with the state it sent.",
);

export function openingCaption(memberName: string): Caption {
  return {
    heading: "OAuth 2 in seven steps",
    sentence: `${memberName}, a new PhotoCloud member, lets PrintShop print their photos. On the right, the inspector draws every message the apps really exchange.`,
  };
}

export const closingCaption: Caption = {
  heading: "Seven steps, and PrintShop never saw the password",
  sentence: "It holds a token limited to what the member allowed, for this API, for a few minutes. The handout of this flow lists every message.",
};

export const deniedClosingCaption: Caption = {
  heading: "Steps 4 to 7 never happen",
  sentence: "Without a code there is no token, and without a token PrintShop sees no photo. The member said no, and that was the end of it.",
};
