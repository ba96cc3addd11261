"use client";

import { useId, useSyncExternalStore, type ReactNode } from "react";
import { themeAttribute, themeCookieMaxAgeSeconds, themeCookieName, type ThemeChoice } from "./theme.ts";

/** Each choice's icon, 20 pixels, drawn in the current text colour: a sun, a moon, a screen. */
const icons: Record<ThemeChoice, ReactNode> = {
  light: (
    <>
      <circle cx="12" cy="12" r="4" />
      <path d="M12 2v2M12 20v2M4.9 4.9l1.4 1.4M17.7 17.7l1.4 1.4M2 12h2M20 12h2M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4" />
    </>
  ),
  dark: <path d="M20 14.5A8 8 0 0 1 9.5 4a8 8 0 1 0 10.5 10.5Z" />,
  system: (
    <>
      <rect x="3" y="4" width="18" height="12" rx="2" />
      <path d="M8 20h8M12 16v4" />
    </>
  ),
};

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
 * Light, dark, or as the system prefers: three radio buttons drawn as one small control of icons,
 * in every app's header. Each is named in words for a screen reader and in a tooltip; the arrow
 * keys move between them, as in any radio group.
 */
export function ThemeToggle() {
  const current = useSyncExternalStore(subscribe, currentChoice, noChoiceOnTheServer);
  const name = useId();
  return (
    <fieldset className="inline-flex rounded-lg border border-line">
      <legend className="sr-only">Colour theme</legend>
      {choices.map(({ value, label }) => (
        <label
          key={value}
          title={label}
          className="relative flex items-center rounded-md p-1 text-muted hover:text-ink has-checked:bg-ink has-checked:text-paper has-focus-visible:outline-3 has-focus-visible:outline-offset-2 has-focus-visible:outline-role-client"
        >
          {/* The radio itself, transparent, over its icon: what a pointer presses is the radio. */}
          <input
            type="radio"
            name={name}
            value={value}
            checked={current === value}
            onChange={() => choose(value)}
            className="absolute inset-0 m-0 cursor-pointer appearance-none opacity-0"
          />
          <svg
            aria-hidden="true"
            viewBox="0 0 24 24"
            className="size-5 fill-none stroke-current stroke-2"
            strokeLinecap="round"
            strokeLinejoin="round"
          >
            {icons[value]}
          </svg>
          <span className="sr-only">{label}</span>
        </label>
      ))}
    </fieldset>
  );
}
