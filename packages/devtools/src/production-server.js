// The production server of an app: Next.js's own request handler behind a plain Node.js HTTP
// server, run from the app's folder:  node production-server.js <port> [hostname]
// (without a hostname it listens on every interface, as `next start` does).
//
// It starts Next.js from the configuration the build resolved (built-config.js), and it exists for
// two reasons, both found by the fuzzer (e2e/tests/stress/fuzz.spec.ts):
// - Some requests make Next.js fail inside its own code, with a 500, before any app code runs
//   (requests-next-cannot-take.js). They are refused here, before Next.js sees them.
// - A request Node.js cannot parse at all (a method it does not know, a malformed header) gets a
//   bare 400 from Node.js, which then closes the connection at once. A client still sending its
//   body sees the connection reset, not the answer. Here the answer says what was wrong, and the
//   rest of the body is read and dropped before the connection closes.
import { createServer } from "node:http";
import { createRequire } from "node:module";
import path from "node:path";
import { readBuiltConfig, useBuiltConfig } from "./built-config.js";
import { refusalBeforeNext, sendRefusal } from "./requests-next-cannot-take.js";
import { answerUnparsableRequest } from "./unparsable-request.js";

const port = Number(process.argv[2]);
const hostname = process.argv[3];

const next = createRequire(path.join(process.cwd(), "package.json"))("next");
const built = readBuiltConfig(process.cwd());
if (built.error) {
  console.error(`\n✖ ${built.error}\n`);
  process.exit(1);
}
useBuiltConfig(built.config);
const app = next({ dev: false, dir: process.cwd(), port, hostname });
await app.prepare();
const handle = app.getRequestHandler();

const server = createServer((request, response) => {
  const refusal = refusalBeforeNext(request);
  if (refusal) sendRefusal(request, response, refusal);
  else void handle(request, response);
});

server.on("clientError", answerUnparsableRequest);

server.listen(port, hostname, () => {
  console.info(`▲ Next.js production server ready on http://${hostname ? urlHost(hostname) : "localhost"}:${port}`);
});

/** An address as a URL writes it: an IPv6 address in brackets. */
function urlHost(address) {
  return address.includes(":") ? `[${address}]` : address;
}
