// Runs before each test file is imported: a copy of the seeded database of its own, a fake
// authorization server of its own, and the configuration the app reads at import time.
import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { inject } from "vitest";
import { audience, fakeAuthorizationServer } from "./fake-authorization-server.ts";

const file = path.join(mkdtempSync(path.join(tmpdir(), "seven-steps-api-")), "test.db");
copyFileSync(inject("templateDatabaseFile"), file);
await fakeAuthorizationServer.start();

process.env.DATABASE_URL = `file:${file}`;
process.env.AUTHORIZATION_SERVER_ISSUER = fakeAuthorizationServer.issuer;
process.env.RESOURCE_API_URL = audience;
process.env.CLIENT_APP_URL = "http://localhost:3000";
process.env.JWKS_REFETCH_COOLDOWN_SECONDS = "0";
