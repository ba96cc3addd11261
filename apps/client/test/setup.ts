// Runs before each test file is imported: its own copy of the database, its own fake
// authorization server (which also plays the PhotoCloud API), and the configuration the app reads
// at import time.
import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { inject } from "vitest";
import { fakeAuthorizationServer } from "./fake-authorization-server.ts";

const file = path.join(mkdtempSync(path.join(tmpdir(), "seven-steps-client-")), "test.db");
copyFileSync(inject("templateDatabaseFile"), file);
await fakeAuthorizationServer.start();

process.env.DATABASE_URL = `file:${file}`;
process.env.AUTHORIZATION_SERVER_ISSUER = fakeAuthorizationServer.issuer;
process.env.RESOURCE_API_URL = fakeAuthorizationServer.issuer;
process.env.NEXTAUTH_SECRET = "a-test-secret-that-is-at-least-32-characters-long";
