// The Next.js configuration an app was built with, for its production server.
//
// `next build` writes the resolved configuration to .next/required-server-files.json. Without it,
// Next.js's server loads next.config.ts again at start, and to read TypeScript it loads its SWC
// compiler: about 25 MB of native code that then stays in the memory of every app for nothing
// (npm run bench, README "Performance"). Next.js's own standalone server starts from the built
// configuration in the same way, by handing it over in __NEXT_PRIVATE_STANDALONE_CONFIG; this
// does the same for our production server. The build also keeps what the configuration's
// functions produced (the security headers are in .next/routes-manifest.json), so nothing is lost.
import { readFileSync } from "node:fs";
import path from "node:path";

/** The configuration `next build` resolved for the app in `appFolder`, or an error to show. */
export function readBuiltConfig(appFolder) {
  const file = path.join(appFolder, ".next", "required-server-files.json");
  let text;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return { error: `no production build in ${path.join(appFolder, ".next")}: run \`npm run build\` first` };
  }
  const { config } = JSON.parse(text);
  return { config };
}

/** Makes Next.js's server use the built configuration instead of loading next.config.ts. */
export function useBuiltConfig(config) {
  process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(config);
}
