import { plainHttpRoomOrigins } from "@seven-steps/config/workshop";
import { rfcSectionLabel } from "@seven-steps/protocol";
import { themeCookieName } from "@seven-steps/ui/theme";
import { tlsRequired, workshopWarning } from "@seven-steps/ui/workshop-banner";
import { env } from "@/env";

/** The workshop banner of the app's layout (packages/ui/src/workshop-banner.tsx), for these pages: none outside workshop mode. */
function workshopBanner(): string {
  const origins = [...new Set(plainHttpRoomOrigins(env))].sort();
  if (origins.length === 0) return "";
  const listed = origins.map((origin) => `<code>${escapeHtml(origin)}</code>`).join(", ");
  return `<section role="note" aria-labelledby="workshop-banner-title" class="workshop-banner"><p><strong id="workshop-banner-title">Workshop mode:</strong> this server is reached over plain http at ${listed}. ${escapeHtml(workshopWarning)} (<a href="${tlsRequired}">${escapeHtml(rfcSectionLabel(tlsRequired))}</a>).</p></section>`;
}

/**
 * The theme chosen with the toggle (packages/ui/src/theme.ts), applied before the page is painted.
 * The apps' pages get it from their root layout; these pages are no part of it. Their colours are
 * the shared theme's (packages/config/tailwind/theme.css), in light and dark.
 */
const themeScript = `const chosen = document.cookie.match(/(?:^|; )${themeCookieName}=(light|dark)(?:;|$)/); if (chosen) document.documentElement.dataset.theme = chosen[1];`;

/**
 * A small, self-contained HTML page for the few answers a route handler gives to a person rather
 * than to a program: an authorization request that cannot be redirected, a refused form, a
 * throttled sign-in. Every value is escaped.
 */
export function messagePage({
  status,
  title,
  message,
  detail,
  link,
  headers = {},
}: {
  status: number;
  title: string;
  message: string;
  detail?: string;
  link?: { href: string; text: string };
  headers?: Record<string, string>;
}): Response {
  const main = `<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(message)}</p>
${detail ? `<p class="detail">${escapeHtml(detail)}</p>` : ""}
${link ? `<p><a href="${escapeHtml(link.href)}">${escapeHtml(link.text)}</a></p>` : ""}`;
  return htmlPage({ status, title, main, headers });
}

/**
 * The frame of the pages route handlers write themselves (messagePage, the workshop's join form):
 * PhotoCloud Accounts' header and style around `main`, which the caller has escaped already, and
 * `style`, more rules for what `main` holds. Never cached.
 */
export function htmlPage({
  status,
  title,
  main,
  style = "",
  headers = {},
}: {
  status: number;
  title: string;
  main: string;
  style?: string;
  headers?: Record<string, string>;
}): Response {
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · PhotoCloud Accounts</title>
<style>
  :root { color-scheme: light dark; }
  :root[data-theme="light"] { color-scheme: light; }
  :root[data-theme="dark"] { color-scheme: dark; }
  body { margin: 0; font: 18px/1.5 ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; background: light-dark(#f8fafc, #0f172a); color: light-dark(#0f172a, #f1f5f9); }
  header { background: light-dark(#fff, #1e293b); border-bottom: 4px solid light-dark(#b45309, #fbbf24); padding: 16px 24px; font-weight: 700; font-size: 24px; }
  main { max-width: 720px; margin: 40px auto; padding: 0 24px; }
  h1 { font-size: 32px; margin: 0 0 12px; }
  .detail { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 16px; background: light-dark(#fef3c7, #451a03); padding: 8px 12px; border-radius: 8px; }
  a { color: light-dark(#0369a1, #38bdf8); }
  .workshop-banner { background: light-dark(#fef3c7, #451a03); border-bottom: 2px solid #fbbf24; color: light-dark(#451a03, #fef3c7); padding: 8px 24px; font-size: 16px; }
  .workshop-banner p { margin: 0; }
  .workshop-banner a { color: inherit; }${style}
</style>
<script>${themeScript}</script>
</head>
<body>
${workshopBanner()}
<header>PhotoCloud Accounts</header>
<main>
${main}
</main>
</body>
</html>`;
  return new Response(html, {
    status,
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store", ...headers },
  });
}

export function escapeHtml(value: string): string {
  return value
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}
