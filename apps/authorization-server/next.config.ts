import { securityHeaders } from "@seven-steps/config/security-headers";
import type { NextConfig } from "next";

// eslint-disable-next-line no-restricted-properties -- set by Next.js itself, not configuration
const development = process.env.NODE_ENV !== "production";

const config: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  transpilePackages: ["@seven-steps/config", "@seven-steps/db", "@seven-steps/inspector", "@seven-steps/protocol", "@seven-steps/story", "@seven-steps/ui"],
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "pg", "@prisma/adapter-pg"],
  // No page of the authorization server may be framed (sign-in and consent above all), leak its
  // URL in a Referer header, or run scripts from elsewhere. The consent page gets the same headers
  // from src/proxy.ts, where the attack lab may switch framing on for its weak demo client alone.
  async headers() {
    return [{ source: "/:path((?!consent$).*)", headers: securityHeaders({ development }) }];
  },
};

export default config;
