// The caption as the audience sees it: a band across the top of the page the flow is on, added to
// that page's DOM by the demo (each new page needs it again). It pushes the page down rather than
// covering it, so nothing the member clicks is hidden, and it takes no clicks itself.
//
// It is written and read through the DevTools Protocol (Runtime.evaluate), not page.evaluate():
// a caption goes up just after the gate stopped a page load (navigation-gate.ts), which Playwright
// may still count as under way, and then waits with any evaluation until it ends.
import type { CDPSession } from "playwright-core";
import type { Caption } from "./captions.ts";

/** The caption element's id: the stills read their caption from it (stills.json). */
export const captionElementId = "seven-steps-demo-caption";

/** Runs `script` with `argument` in the page the session is attached to, and answers its value. */
async function evaluate<Argument, Result>(session: CDPSession, script: (argument: Argument) => Result, argument: Argument): Promise<Result> {
  const { result, exceptionDetails } = await session.send("Runtime.evaluate", {
    expression: `(${script.toString()})(${JSON.stringify(argument)})`,
    returnByValue: true,
  });
  if (exceptionDetails) throw new Error(`The caption could not be handled in the page: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
  return result.value as Result;
}

/** Lays `caption` over the page, replacing the one there. */
export async function showCaption(session: CDPSession, caption: Caption): Promise<void> {
  await evaluate(
    session,
    ({ id, caption }: { id: string; caption: Caption }) => {
      document.getElementById(id)?.remove();
      const band = document.createElement("aside");
      band.id = id;
      band.setAttribute("role", "status");
      band.setAttribute("aria-label", "Demo caption");
      if (caption.step !== undefined) band.dataset.step = String(caption.step);
      band.style.cssText = [
        "position: fixed",
        "inset: 0 0 auto 0",
        "z-index: 2147483647",
        "pointer-events: none",
        "padding: 14px 24px 16px",
        "background: #0b1220",
        "color: #f8fafc",
        "border-bottom: 4px solid #f59e0b",
        "font: 20px/1.4 system-ui, sans-serif",
        "box-shadow: 0 6px 18px rgb(0 0 0 / 0.35)",
      ].join(";");
      const heading = document.createElement("p");
      heading.textContent = caption.heading;
      heading.style.cssText = "margin: 0; font-size: 26px; font-weight: 700; color: #fbbf24";
      const sentence = document.createElement("p");
      sentence.textContent = caption.sentence;
      sentence.style.cssText = "margin: 4px 0 0";
      band.append(heading, sentence);
      if (caption.address) {
        const address = document.createElement("p");
        address.textContent = caption.address;
        address.style.cssText =
          "margin: 8px 0 0; padding: 4px 8px; border-radius: 4px; background: #1e293b; color: #a5f3fc; font: 15px/1.4 ui-monospace, monospace; overflow-wrap: anywhere";
        band.append(address);
      }
      document.body.append(band);
      // The page moves down by the band's height, so that the band hides nothing.
      document.body.style.paddingTop = `${band.offsetHeight}px`;
    },
    { id: captionElementId, caption },
  );
}

/** The caption's text as the page shows it now; null when there is none. */
export function captionShown(session: CDPSession): Promise<string | null> {
  return evaluate(session, (id: string) => document.getElementById(id)?.innerText ?? null, captionElementId);
}
