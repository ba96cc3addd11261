// Runs before each test file is imported: gives the file its own copy of the template database,
// and the configuration the app reads at import time.
import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { inject } from "vitest";

const file = path.join(mkdtempSync(path.join(tmpdir(), "seven-steps-as-")), "test.db");
copyFileSync(inject("templateDatabaseFile"), file);

process.env.DATABASE_URL = `file:${file}`;
process.env.ISSUER = "http://localhost:3001";
process.env.RESOURCE_API_URL = "http://localhost:3002";
