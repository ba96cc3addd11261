// What nginx wrote in its access log from a point on: which instances each request was sent to,
// and what came back (packages/devtools/src/scaled/nginx-config.ts writes and reads the format).
import { nginxAccessLog } from "@seven-steps/devtools/scaled/data-folder";
import { parseAccessLogLine, type AccessLogEntry } from "@seven-steps/devtools/scaled/nginx-config";
import { readFileSync, statSync } from "node:fs";
import { scaledStackSettings } from "./stack-settings.ts";

/** Marks the end of the access log as it is now; `read()` then returns the entries written since. */
export function accessLogFromNow(): { read: () => AccessLogEntry[] } {
  const file = nginxAccessLog(scaledStackSettings());
  const start = statSync(file).size;
  return {
    read: () =>
      readFileSync(file)
        .subarray(start)
        .toString("utf8")
        .split("\n")
        .filter((line) => line !== "")
        .map((line) => parseAccessLogLine(line) ?? { status: 0, request: `(unreadable) ${line}`, upstreams: [], upstreamStatuses: [] }),
  };
}
