// Runs before each test file is imported: gives the file its own copy of the template database,
// and the configuration the app reads at import time.
import { copyDatabase } from "@seven-steps/db/testing";
import { inject } from "vitest";

const databaseUrl = await copyDatabase(inject("templateDatabaseUrl"));

process.env.DATABASE_URL = databaseUrl;
process.env.ISSUER = "http://localhost:3001";
process.env.RESOURCE_API_URL = "http://localhost:3002";
// One key for the DPoP nonces of every test file, as for the instances of a deployment.
process.env.DPOP_NONCE_SECRET ??= "the DPoP nonce key of the test suite, 32+ characters";
