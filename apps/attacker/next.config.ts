import type { NextConfig } from "next";

// The security headers are set at run time, in src/proxy.ts: they name the other apps' origins,
// which are configuration.
const config: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  transpilePackages: ["@seven-steps/config", "@seven-steps/db", "@seven-steps/http-flow", "@seven-steps/inspector", "@seven-steps/protocol", "@seven-steps/story", "@seven-steps/ui"],
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "pg", "@prisma/adapter-pg"],
};

export default config;
