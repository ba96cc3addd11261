"use client";

import { useId, useSyncExternalStore } from "react";
import { themeAttribute, themeCookieMaxAgeSeconds, themeCookieName, type ThemeChoice } from "./theme.ts";

const choices: { value: ThemeChoice; label: string }[] = [
  { value: "light", label: "Light" },
  { value: "dark", label: "Dark" },
  { value: "system", label: "System" },
];

function subscribe(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
  return () => observer.disconnect();
}

function currentChoice(): ThemeChoice {
  return themeAttribute(document.documentElement.dataset.theme) ?? "system";
}

/** Unknown on the server, which renders no choice checked; the browser fills it in at once. */
function noChoiceOnTheServer(): null {
  return null;
}

/** Applies a choice to this page at once, and remembers it for the next (see theme.ts). */
function choose(choice: ThemeChoice): void {
  const root = document.documentElement;
  if (choice === "system") {
    delete root.dataset.theme;
    document.cookie = `${themeCookieName}=; Path=/; Max-Age=0; SameSite=Lax`;
  } else {
    root.dataset.theme = choice;
    document.cookie = `${themeCookieName}=${choice}; Path=/; Max-Age=${themeCookieMaxAgeSeconds}; SameSite=Lax`;
  }
}

/**
 * Light, dark, or as the system prefers: three radio buttons drawn as one control, in every
 * app's header. The arrow keys move between them, as in any radio group.
 */
export function ThemeToggle() {
  const current = useSyncExternalStore(subscribe, currentChoice, noChoiceOnTheServer);
  const name = useId();
  return (
    <fieldset className="flex items-center gap-2 text-base">
      <legend className="sr-only">Colour theme</legend>
      <span aria-hidden="true" className="text-muted">
        Theme
      </span>
      <span className="inline-flex rounded-lg border-2 border-line p-0.5">
        {choices.map(({ value, label }) => (
          <label
            key={value}
            className="cursor-pointer rounded-md px-2 py-0.5 font-semibold has-checked:bg-ink has-checked:text-paper has-focus-visible:outline-3 has-focus-visible:outline-offset-2 has-focus-visible:outline-role-client"
          >
            <input
              type="radio"
              name={name}
              value={value}
              checked={current === value}
              onChange={() => choose(value)}
              className="sr-only"
            />
            {label}
          </label>
        ))}
      </span>
    </fieldset>
  );
}
