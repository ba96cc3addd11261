// Which instance answered a request through the scaled stack's nginx: it names the instance in
// the X-Upstream header of every answer (packages/devtools/src/scaled/nginx-config.ts).
import { instancesOf, upstreamAddress, type ScaledAppName } from "@seven-steps/devtools/scaled/layout";

/** The addresses of an app's instances, as X-Upstream names them: ["127.0.0.1:3110", "127.0.0.1:3111"]. */
export function instanceAddresses(app: ScaledAppName): string[] {
  return instancesOf(app).map(upstreamAddress);
}

/**
 * The instance that gave the answer. When nginx tried one that refused the connection first, the
 * header lists both ("127.0.0.1:3110, 127.0.0.1:3111"), the one that answered last.
 */
export function answeredBy(headers: Headers | Record<string, string>): string {
  const header = headers instanceof Headers ? headers.get("x-upstream") : headers["x-upstream"];
  if (!header) throw new Error("no X-Upstream header: was this answer not given through the scaled stack's nginx?");
  return header.split(",").at(-1)!.trim();
}
