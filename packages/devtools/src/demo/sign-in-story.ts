// The seven steps as the demo plays them: PrintShop signs a fresh member in with PhotoCloud, in the
// flow's window, while the inspector's window shows each message as the apps record it.
//
// Steps 4 to 7 happen between servers, within two page loads of the browser: PrintShop's callback
// (it redeems the code: steps 4 and 5) and the photos page it redirects to (it calls the API: steps
// 6 and 7). The demo stops the browser before each of those loads, and before the redirects of
// steps 1 and 3 (navigation-gate.ts), so that every caption comes before its step.
import { maskSecret } from "@seven-steps/inspector";
import type { Page } from "playwright-core";
import { closingCaption, consentCaption, deniedClosingCaption, deniedCodeCaption, openingCaption, stepCaption } from "./captions.ts";
import type { Director } from "./director.ts";
import { NavigationGate } from "./navigation-gate.ts";
import type { Stage } from "./stage.ts";

export interface DemoMember {
  username: string;
  password: string;
  name: string;
}

export interface SignInUrls {
  client: string;
  issuer: string;
}

/** How long the inspector may take to show a step the apps have recorded (it polls). */
const inspectorTimeoutMilliseconds = 15_000;

/** A URL as the caption shows it: the code, a secret, masked as the inspector masks it. */
export function addressShown(url: string): string {
  const shown = new URL(url);
  const code = shown.searchParams.get("code");
  if (code !== null) shown.searchParams.set("code", maskSecret(code));
  return decodeURIComponent(shown.toString());
}

/** Opens step `number`'s details in the inspector, once the inspector shows that it happened. */
async function showInInspector(inspector: Page, number: number): Promise<void> {
  const step = inspector.getByRole("button", { name: new RegExp(`^Step ${number}\\.((?!not happened yet).)*$`) });
  await step.click({ timeout: inspectorTimeoutMilliseconds });
}

/**
 * Plays the flow to its end; `deny` makes the member click Deny. Answers the flow's Markdown
 * handout, as PrintShop's live inspector offers it.
 */
export async function playSignIn(director: Director, stage: Stage, urls: SignInUrls, member: DemoMember, deny: boolean): Promise<string> {
  const { flow } = stage;
  const gate = await NavigationGate.on(flow, [`${urls.issuer}/authorize`, `${urls.client}/api/auth/callback/`, `${urls.client}/photos`]);
  await flow.goto(urls.client);
  const inspector = await stage.openInspector(`${urls.client}/inspector/live`);
  await director.beat(openingCaption(member.name));

  // Step 1: PrintShop's redirect to PhotoCloud, held so that its address can be read.
  // The click starts a page load that the gate stops: it does not wait for that load.
  const authorizationRequest = gate.stopNext((url) => url.pathname === "/authorize");
  await flow.getByRole("button", { name: "Sign in with PhotoCloud" }).click({ noWaitAfter: true });
  const request = await authorizationRequest;
  await director.beat(stepCaption("authorization-request", undefined, addressShown(request.url)), { still: 1 });
  await request.go();

  // Step 2: the sign-in, then the consent screen.
  const username = flow.getByLabel("Username");
  await username.waitFor();
  await showInInspector(inspector, 1);
  await director.beat(stepCaption("user-authorization"));
  await username.pressSequentially(member.username, { delay: director.typingDelay });
  await flow.getByLabel("Password").pressSequentially(member.password, { delay: director.typingDelay });
  await director.breathe();
  await flow.getByRole("button", { name: "Sign in", exact: true }).click();
  const answer = flow.getByRole("button", { name: deny ? "Deny" : "Allow", exact: true });
  await answer.waitFor();
  await showInInspector(inspector, 2);
  await director.beat(consentCaption(deny), { still: 2 });

  // Step 3: PhotoCloud's redirect back to PrintShop, held at PrintShop's door.
  const callback = gate.stopNext((url) => url.pathname.startsWith("/api/auth/callback/"));
  await answer.click({ noWaitAfter: true });
  const authorizationResponse = await callback;
  await showInInspector(inspector, 3);
  if (deny) {
    await director.beat({ ...deniedCodeCaption, address: addressShown(authorizationResponse.url) }, { still: 3 });
    await authorizationResponse.go();
    await flow.waitForURL((url) => url.origin === new URL(urls.client).origin && !url.pathname.startsWith("/api/auth/"));
    await director.beat(deniedClosingCaption, { still: "end" });
    return handoutOf(flow, urls);
  }
  await director.beat(stepCaption("authorization-code", undefined, addressShown(authorizationResponse.url)), { still: 3 });

  // Steps 4 and 5: PrintShop redeems the code while the browser waits for its callback.
  const photosPage = gate.stopNext((url) => url.pathname === "/photos");
  await director.beat(stepCaption("access-token-request"), { still: 4 });
  await authorizationResponse.go();
  const photos = await photosPage;
  await showInInspector(inspector, 4);
  await showInInspector(inspector, 5);
  await director.beat(stepCaption("access-token"), { still: 5 });

  // Steps 6 and 7: the photos page calls the API as PrintShop renders it.
  await director.beat(stepCaption("access-resource"), { still: 6 });
  await photos.go();
  await flow.getByRole("heading", { name: `${member.name}'s photos` }).waitFor();
  await showInInspector(inspector, 6);
  await showInInspector(inspector, 7);
  await director.beat(stepCaption("resource-delivery"), { still: 7 });
  await director.beat(closingCaption, { still: "end" });
  return handoutOf(flow, urls);
}

/** The flow's handout, from PrintShop's live inspector: this browser's sign-in. */
async function handoutOf(flow: Page, urls: SignInUrls): Promise<string> {
  const response = await flow.request.get(`${urls.client}/inspector/live/handout`);
  if (!response.ok()) throw new Error(`PrintShop gave no handout of the flow (${response.status()}): ${(await response.text()).slice(0, 200)}`);
  return response.text();
}
