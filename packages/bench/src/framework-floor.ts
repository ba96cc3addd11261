// Row 1: the framework's floor, a route of the authorization server's own Next.js app that does
// nothing (GET /health). No endpoint of that app can be faster on this machine.
import type autocannon from "autocannon";
import { apps } from "./apps.ts";

export function frameworkFloorLoad(): autocannon.Options {
  return { url: `${apps.authorizationServer.url}/health` };
}
