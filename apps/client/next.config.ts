import type { NextConfig } from "next";

const config: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  transpilePackages: ["@seven-steps/config", "@seven-steps/protocol", "@seven-steps/ui"],
};

export default config;
