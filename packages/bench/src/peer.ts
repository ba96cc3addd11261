// Row 8: the same client_credentials measurement against panva's oidc-provider, started from npm
// in the same run (src/peer-server.js).
import { waitUntilAnswering } from "@seven-steps/devtools/wait";
import { encodeBasicCredentials } from "@seven-steps/protocol";
import type autocannon from "autocannon";
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import { peerPort } from "./apps.ts";

const peerUrl = `http://localhost:${peerPort}`;
const clientId = "bench-peer-service";
const clientSecret = randomBytes(32).toString("base64url");

export async function startPeer(): Promise<ChildProcess> {
  const child = spawn(process.execPath, [fileURLToPath(new URL("peer-server.js", import.meta.url)), String(peerPort)], {
    env: { ...process.env, NODE_ENV: "production", PEER_CLIENT_ID: clientId, PEER_CLIENT_SECRET: clientSecret },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const failure = await waitUntilAnswering(`${peerUrl}/.well-known/openid-configuration`, { timeoutMilliseconds: 30_000, intervalMilliseconds: 200 });
  if (failure) throw new Error(`oidc-provider did not start on ${peerUrl}: ${failure}`);
  return child;
}

/** The same request as row 2, to the peer's token endpoint. */
export function peerClientCredentialsLoad(): autocannon.Options {
  return {
    url: `${peerUrl}/token`,
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", authorization: encodeBasicCredentials(clientId, clientSecret) },
    body: "grant_type=client_credentials&scope=photos%3Aread",
  };
}
