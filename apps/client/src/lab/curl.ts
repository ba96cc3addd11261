import type { LabHttpRequest } from "./http-request.ts";

/**
 * Quotes a value for a POSIX shell (macOS, Linux, WSL). Between single quotes nothing is special
 * except the single quote itself, which is written as '\'' : close the quotes, an escaped quote,
 * open them again.
 */
export function quoteForShell(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

/**
 * The same request as a curl command a learner can paste into a terminal. `-i` prints the status
 * line and headers of the answer too; `--data-raw` sends the body as it is (`--data` would read a
 * file for a body starting with '@'), and makes the request a POST.
 */
export function curlCommand(request: LabHttpRequest): string {
  // curl sends a GET without a body and a POST with one; only another combination needs -X.
  const impliedMethod = request.body === undefined ? "GET" : "POST";
  const method = request.method === impliedMethod ? "" : `-X ${request.method} `;
  const parts = [`curl -i ${method}${quoteForShell(request.url)}`];
  for (const [name, value] of Object.entries(request.headers)) parts.push(`-H ${quoteForShell(`${name}: ${value}`)}`);
  if (request.body !== undefined) parts.push(`--data-raw ${quoteForShell(request.body)}`);
  return parts.join(" \\\n  ");
}
