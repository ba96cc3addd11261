// `npm run client:add -- --name "Kiosk" --redirect-uri https://kiosk.example/cb`: registers a
// client from the command line, with exactly the rules of POST /register (RFC 7591), and prints
// its client_id and, for a confidential client, its secret. With --json it prints the
// registration response of RFC 7591 §3.2.1 and nothing else, for scripts.
//
// package.json runs it under Node's react-server condition, as Next.js runs the server: there the
// `server-only` marker of the data modules it uses is an empty module.
import { metadataUrl, type TokenEndpointAuthMethod } from "@seven-steps/protocol";
import { parseArgs } from "node:util";
import { env } from "@/env";
import type { ClientInformationResponse } from "@/oauth/registration/client-metadata";
import { RegistrationError } from "@/oauth/registration/errors";
import { registerClient } from "@/oauth/registration/register-client";
import { withDatabase } from "./with-database";

const usage = `Usage: npm run client:add -- --name <name> --redirect-uri <uri> [--redirect-uri <uri> ...]
                          [--public] [--scope "<scopes>"] [--dpop] [--require-par] [--json]

Registers a client at PhotoCloud Accounts, with the rules of POST /register (RFC 7591).

  --name <name>          the name users see when they are asked to allow access (required)
  --redirect-uri <uri>   where the authorization codes may be sent: https, or http on localhost,
                         127.0.0.1 or [::1]; repeat it for several
  --public               a public client: no secret, it proves itself with PKCE alone
  --scope "<scopes>"     the scopes it may ask for, space-separated (default "profile photos:read")
  --dpop                 it always uses DPoP (dpop_bound_access_tokens, RFC 9449 §5.2): its
                         token requests without a DPoP proof are refused
  --require-par          it must push its authorization requests first (RFC 9126): the
                         authorization endpoint refuses any other request from it
  --json                 print only the registration response, as JSON (through npm, run
                         npm run -s client:add, so that npm adds nothing to it)
  --help                 print this help
`;

/** Bad arguments: the reason, then how to call the command. */
class UsageError extends Error {}

const options = {
  name: { type: "string" },
  "redirect-uri": { type: "string", multiple: true },
  public: { type: "boolean", default: false },
  scope: { type: "string" },
  dpop: { type: "boolean", default: false },
  "require-par": { type: "boolean", default: false },
  json: { type: "boolean", default: false },
  help: { type: "boolean", default: false },
} as const;

function readArguments(args: string[]) {
  let values;
  try {
    values = parseArgs({ args, options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new UsageError((error as Error).message, { cause: error });
  }
  if (values.help) return "help";
  if (values.name === undefined) throw new UsageError("--name is required.");
  return { ...values, name: values.name };
}

const labelWidth = "require_pushed_authorization_requests".length + 2;

/** What a person reads: the credentials, and the reminder that the secret will not be shown again. */
function summary(client: ClientInformationResponse): string {
  const rows: [string, string][] = [
    ["client_id", client.client_id],
    ...(client.client_secret === undefined ? [] : [["client_secret", client.client_secret] as [string, string]]),
    ["client_name", client.client_name],
    ["redirect_uris", client.redirect_uris.join(`\n${" ".repeat(2 + labelWidth)}`)],
    ["grant_types", client.grant_types.join(" ")],
    ["token_endpoint_auth_method", client.token_endpoint_auth_method],
    ["scope", client.scope],
    ["dpop_bound_access_tokens", String(client.dpop_bound_access_tokens)],
    ["require_pushed_authorization_requests", String(client.require_pushed_authorization_requests)],
    ["metadata", metadataUrl(env.ISSUER).href],
  ];
  const note =
    client.client_secret === undefined
      ? "A public client has no secret: it must use PKCE (RFC 7636) in every authorization request."
      : "The client_secret is shown this once: the server keeps only its SHA-256 hash. Store it now.";
  return `Registered ${client.client_name}.\n\n${rows.map(([label, value]) => `  ${label.padEnd(labelWidth)}${value}`).join("\n")}\n\n${note}\n`;
}

async function main(args: string[]): Promise<number> {
  let wanted: ReturnType<typeof readArguments>;
  try {
    wanted = readArguments(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`client:add: ${error.message}\n\n${usage}`);
    return 2;
  }
  if (wanted === "help") {
    process.stdout.write(usage);
    return 0;
  }

  return withDatabase("client:add", async () => {
    const metadata = {
      client_name: wanted.name,
      redirect_uris: wanted["redirect-uri"],
      token_endpoint_auth_method: (wanted.public ? "none" : "client_secret_basic") satisfies TokenEndpointAuthMethod,
      scope: wanted.scope,
      dpop_bound_access_tokens: wanted.dpop,
      require_pushed_authorization_requests: wanted["require-par"],
    };
    try {
      const client = await registerClient(metadata, "an operator");
      process.stdout.write(wanted.json ? `${JSON.stringify(client, null, 2)}\n` : summary(client));
      return 0;
    } catch (error) {
      if (!(error instanceof RegistrationError)) throw error;
      console.error(`client:add: ${error.code}: ${error.description}`);
      return 1;
    }
  });
}

process.exitCode = await main(process.argv.slice(2));
