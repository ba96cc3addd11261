/**
 * The colour theme a person chose with the toggle (theme-toggle.tsx): light, dark, or, when they
 * chose nothing, whatever their system prefers (`prefers-color-scheme`), which the shared
 * stylesheet follows by itself (packages/config/tailwind/theme.css).
 *
 * The choice is a cookie, so that each app's root layout can put it on <html> before the first
 * paint, without a script. Browsers share cookies between the ports of one host, so the four apps
 * share it: a choice made in PrintShop holds at PhotoCloud's sign-in page too, which is what a
 * presenter wants. It holds nothing but the word, means the same in every app, and is never sent
 * anywhere but the apps themselves.
 */
export const themeCookieName = "seven-steps-theme";

export type ThemeChoice = "light" | "dark" | "system";

/** A year: the choice outlives the session, as a setting should. */
export const themeCookieMaxAgeSeconds = 365 * 24 * 60 * 60;

/**
 * The `data-theme` attribute of <html> for a cookie's value: `light` or `dark` as chosen, and no
 * attribute (the system's preference) for anything else, including no cookie at all.
 */
export function themeAttribute(cookieValue: string | undefined): "light" | "dark" | undefined {
  return cookieValue === "light" || cookieValue === "dark" ? cookieValue : undefined;
}
