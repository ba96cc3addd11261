import { httpBaseUrl, loadEnvironment } from "@seven-steps/config/env";
import { z } from "zod";

const schema = z.object({
  /** Where this app runs: the base of its redirect URI. */
  CLIENT_APP_URL: httpBaseUrl.default("http://localhost:3000"),
  /** The authorization server this client trusts, by its issuer identifier (RFC 8414 §2). */
  AUTHORIZATION_SERVER_ISSUER: httpBaseUrl.default("http://localhost:3001"),
  /** The resource server holding the user's photos. */
  RESOURCE_API_URL: httpBaseUrl.default("http://localhost:3002"),
});

export const env = loadEnvironment("client", schema, process.env);
