// A throwaway PostgreSQL cluster for tests, the benchmark and `npm run test:postgres`: made in a
// temporary folder, listening on loopback only, and deleted when stopped. It runs Debian's
// PostgreSQL (`apt-get install postgresql`), 15 or later. Its service does not start by itself
// in containers, so this starts the server directly, as the `postgres` user when run as root
// (PostgreSQL refuses to run as root).
import { execFileSync, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

export interface PostgresCluster {
  /** A URL of the cluster's application role for a database of the cluster. */
  url(database: string): string;
  /** Creates a database owned by the application role, as a copy of `template` if given. */
  createDatabase(name: string, template?: string): void;
  /**
   * Stops the server and keeps its data, as when a database server goes down for a while: its
   * clients' connections are closed and new ones are refused until {@link startServer}.
   */
  stopServer(): void;
  /** Starts the server stopped by {@link stopServer} again, on the same port, with the same data. */
  startServer(): void;
  /** Stops the server and deletes its folder. Safe to call twice. */
  stop(): void;
}

/** The folder of PostgreSQL's programs: Debian keeps them out of PATH, one folder per version. */
export function binaries(): string {
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root) ? readdirSync(root).map(Number).filter((version) => version >= 15).sort((a, b) => b - a) : [];
  if (versions.length === 0) {
    throw new Error("PostgreSQL 15 or later is not installed. On Debian: apt-get install -y postgresql");
  }
  return path.join(root, String(versions[0]), "bin");
}

/** A free TCP port on loopback, as the kernel gives one. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const asRoot = process.getuid?.() === 0;

/** Runs one of PostgreSQL's programs, as the `postgres` user when this process is root. */
function runProgram(program: string, args: string[]): void {
  const command = asRoot ? "runuser" : program;
  const fullArgs = asRoot ? ["-u", "postgres", "--", program, ...args] : args;
  const result = spawnSync(command, fullArgs, { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${path.basename(program)} failed:\n${result.stdout}${result.stderr}`);
}

/**
 * Starts a new cluster on a free port (or `port`), with one role that may create databases.
 * Tests do not need a commit to survive a power cut, so by default the cluster never waits for
 * the disk (`fsync=off`); `durable` keeps PostgreSQL's defaults, for the benchmark's figures.
 */
export async function startPostgresCluster(options: { port?: number; durable?: boolean } = {}): Promise<PostgresCluster> {
  const bin = binaries();
  const folder = mkdtempSync(path.join(tmpdir(), "seven-steps-postgres-"));
  chmodSync(folder, 0o755);
  if (asRoot) {
    const postgresUser = execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim();
    chownSync(folder, Number(postgresUser), Number(postgresUser));
  }
  const data = path.join(folder, "data");
  const port = options.port ?? (await freePort());
  const role = "seven_steps";
  const password = randomBytes(12).toString("hex");
  let running = false;

  // "fast" ends every session at once, as a server that goes down does.
  const stopServer = () => {
    if (!running) return;
    running = false;
    runProgram(path.join(bin, "pg_ctl"), ["-D", data, "-m", "fast", "-w", "stop"]);
  };

  // `restart` starts a stopped server too, with the options of its last start (postmaster.opts).
  const startServer = () => {
    if (running) return;
    runProgram(path.join(bin, "pg_ctl"), ["-D", data, "-l", path.join(folder, "postgres.log"), "-w", "restart"]);
    running = true;
  };

  const stop = () => {
    if (running) {
      running = false;
      try {
        runProgram(path.join(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"]);
      } catch {
        // Already gone: the folder is deleted all the same.
      }
    }
    rmSync(folder, { recursive: true, force: true });
  };

  try {
    runProgram(path.join(bin, "initdb"), [
      "-D", data, "-U", "postgres", "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8",
    ]);
    runProgram(path.join(bin, "pg_ctl"), [
      "-D", data, "-l", path.join(folder, "postgres.log"), "-w", "start",
      "-o", `-p ${port} -k ${folder} -c listen_addresses=127.0.0.1 -c max_connections=200${options.durable ? "" : " -c fsync=off"}`,
    ]);
    running = true;
    const psql = (sql: string) => runProgram(path.join(bin, "psql"), ["-h", folder, "-p", String(port), "-U", "postgres", "-v", "ON_ERROR_STOP=1", "-c", sql]);
    psql(`CREATE ROLE ${role} LOGIN CREATEDB PASSWORD '${password}'`);
    return {
      url: (database) => `postgresql://${role}:${password}@127.0.0.1:${port}/${database}`,
      createDatabase: (name, template) => psql(`CREATE DATABASE "${name}" OWNER ${role}${template ? ` TEMPLATE "${template}"` : ""}`),
      stopServer,
      startServer,
      stop,
    };
  } catch (error) {
    stop();
    throw error;
  }
}
