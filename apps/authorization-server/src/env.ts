import { httpBaseUrl, loadEnvironment } from "@seven-steps/config/env";
import { defaultDatabaseUrl } from "@seven-steps/db";
import { z } from "zod";

const schema = z.object({
  /** The SQLite database shared by the three apps. */
  DATABASE_URL: z.string().startsWith("file:", "must be a SQLite file: URL").default(defaultDatabaseUrl),
  /**
   * The issuer identifier: the `iss` of every token and authorization response, and the base of
   * the metadata URL (RFC 8414 §2).
   */
  ISSUER: httpBaseUrl.default("http://localhost:3001"),
  /** The resource API's identifier, the `aud` of the access tokens (RFC 9068 §3). */
  RESOURCE_API_URL: httpBaseUrl.default("http://localhost:3002"),
  /** Where the client app runs, for the links between the apps. */
  CLIENT_APP_URL: httpBaseUrl.default("http://localhost:3000"),
});

export const env = loadEnvironment("authorization-server", schema, process.env);
