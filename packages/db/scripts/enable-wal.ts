// Puts the SQLite database in write-ahead-log mode. The mode is stored in the database file, so
// doing it once after migrating is enough: from then on the apps can read while another writes.
import { getDatabase } from "../src/client.ts";
import { databaseUrl } from "./tooling.ts";

const database = getDatabase(databaseUrl());
const [row] = await database.$queryRawUnsafe<{ journal_mode: string }[]>("PRAGMA journal_mode = WAL");
if (row?.journal_mode !== "wal") throw new Error(`SQLite refused WAL mode (journal_mode is ${row?.journal_mode}).`);
await database.$disconnect();
