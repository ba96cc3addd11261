// Runs before each test file is imported: its own copy of the database, its own fake
// authorization server (which also plays the PhotoCloud API), and the configuration the app reads
// at import time.
import { copyDatabase } from "@seven-steps/db/testing";
import { inject } from "vitest";
import { fakeAuthorizationServer } from "./fake-authorization-server.ts";

const databaseUrl = await copyDatabase(inject("templateDatabaseUrl"));
await fakeAuthorizationServer.start();

process.env.DATABASE_URL = databaseUrl;
process.env.AUTHORIZATION_SERVER_ISSUER = fakeAuthorizationServer.issuer;
process.env.RESOURCE_API_URL = fakeAuthorizationServer.issuer;
process.env.NEXTAUTH_SECRET = "a-test-secret-that-is-at-least-32-characters-long";
