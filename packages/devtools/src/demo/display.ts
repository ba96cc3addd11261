// Whether the demo can open a window, and what to say when it cannot.

/** Why a window cannot be opened, in words for the presenter, with what to do instead. */
export class DisplayError extends Error {
  override readonly name = "DisplayError";
}

export const noWindowAdvice =
  "Run the demo on a machine with a desktop, or record it without a window: npm run demo -- --record <folder> (add --headless to say so).";

/**
 * Null when a window can be tried; otherwise why not. On Linux a window needs an X server
 * (DISPLAY) or a Wayland compositor (WAYLAND_DISPLAY); macOS and Windows always have a desktop.
 */
export function missingDisplay(environment: NodeJS.ProcessEnv, platform: NodeJS.Platform): string | null {
  if (platform !== "linux") return null;
  if (environment.DISPLAY || environment.WAYLAND_DISPLAY) return null;
  return "There is no display to open Chromium's window on: neither DISPLAY nor WAYLAND_DISPLAY is set.";
}

/** Whether Chromium failed to start because it could not reach the display. */
export function isDisplayFailure(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /Missing X server|cannot open display|\$DISPLAY|Ozone|wayland/i.test(message);
}
