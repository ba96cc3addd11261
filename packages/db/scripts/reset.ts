// `npm run db:reset`: deletes the SQLite database, then migrates and seeds a new one.
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { databaseFile } from "./tooling.ts";

const file = databaseFile();
for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(`${file}${suffix}`, { force: true });
console.info(`Deleted ${file}.`);
const setup = spawnSync("npm", ["run", "db:setup"], { stdio: "inherit" });
process.exit(setup.status ?? 1);
