// Runs before each test file is imported: a copy of the seeded database of its own, a fake
// authorization server of its own, and the configuration the app reads at import time.
import { copyDatabase } from "@seven-steps/db/testing";
import { inject } from "vitest";
import { audience, fakeAuthorizationServer } from "./fake-authorization-server.ts";

const databaseUrl = await copyDatabase(inject("templateDatabaseUrl"));
await fakeAuthorizationServer.start();

process.env.DATABASE_URL = databaseUrl;
process.env.AUTHORIZATION_SERVER_ISSUER = fakeAuthorizationServer.issuer;
process.env.RESOURCE_API_URL = audience;
process.env.CLIENT_APP_URL = "http://localhost:3000";
process.env.JWKS_REFETCH_COOLDOWN_SECONDS = "0";
// One key for the DPoP nonces of every test file, as for the instances of a deployment.
process.env.DPOP_NONCE_SECRET ??= "the DPoP nonce key of the test suite, 32+ characters";
