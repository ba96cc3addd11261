import type { NextConfig } from "next";

// eslint-disable-next-line no-restricted-properties -- set by Next.js itself, not configuration
const development = process.env.NODE_ENV !== "production";

/**
 * No page of the authorization server may be framed (clickjacking on sign-in and consent,
 * RFC 6749 §10.13), leak its URL in a Referer header, or run scripts from elsewhere. Next.js
 * inlines its own bootstrap scripts, hence 'unsafe-inline'; development adds eval and websockets
 * for hot reloading.
 */
const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${development ? " 'unsafe-eval'" : ""}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  `connect-src 'self'${development ? " ws:" : ""}`,
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "object-src 'none'",
].join("; ");

const config: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  transpilePackages: ["@seven-steps/config", "@seven-steps/db", "@seven-steps/inspector", "@seven-steps/protocol", "@seven-steps/ui"],
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3"],
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "Content-Security-Policy", value: contentSecurityPolicy },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Referrer-Policy", value: "no-referrer" },
          { key: "X-Content-Type-Options", value: "nosniff" },
        ],
      },
    ];
  },
};

export default config;
