// Each boundary rule of boundaries.js, fed a file that crosses its boundary and one that does not,
// at realistic paths, through the real configuration of the workspace each path lies in.
import { ESLint } from "eslint";
import path from "node:path";
import { describe, expect, it } from "vitest";

const repositoryRoot = path.resolve(import.meta.dirname, "../../..");
const linters = new Map<string, ESLint>();

/** The rules that `code` breaks when it is the file `file` (relative to the repository root). */
async function rulesBrokenBy(file: string, code: string): Promise<string[]> {
  const [top, name] = file.split("/");
  const workspace = top === "apps" || top === "packages" ? `${top}/${name}` : `${top}`;
  let linter = linters.get(workspace);
  if (!linter) {
    linter = new ESLint({ cwd: path.join(repositoryRoot, workspace) });
    linters.set(workspace, linter);
  }
  const [result] = await linter.lintText(code, { filePath: path.join(repositoryRoot, file) });
  return result?.messages.map((message) => message.ruleId ?? message.message) ?? [];
}

describe("boundaries/no-app-imports-another-app", () => {
  const rule = "boundaries/no-app-imports-another-app";

  it("refuses an app that imports another app by its package name", async () => {
    const code = 'import { hashSecret } from "@seven-steps/authorization-server/secret-hash";\nexport const digest = hashSecret("x");\n';
    expect(await rulesBrokenBy("apps/client/src/tokens/digest.ts", code)).toContain(rule);
  });

  it("refuses an app that reaches into another app's folder by a relative path", async () => {
    const code = 'export { db } from "../../../authorization-server/src/db.ts";\n';
    expect(await rulesBrokenBy("apps/resource-api/src/auth/users.ts", code)).toContain(rule);
  });

  it("refuses a dynamic import of another app", async () => {
    const code = 'export const load = () => import("@seven-steps/resource-api/photos");\n';
    expect(await rulesBrokenBy("apps/client/src/photos/load.ts", code)).toContain(rule);
  });

  it("lets an app import its own modules and the packages", async () => {
    const code = [
      'import { roles } from "@seven-steps/protocol";',
      'import { env } from "@/env";',
      'import { sameOrigin } from "../http/same-origin.ts";',
      "export const all = [roles, env, sameOrigin];",
      "",
    ].join("\n");
    expect(await rulesBrokenBy("apps/client/src/photos/all.ts", code)).not.toContain(rule);
  });
});

describe("boundaries/no-package-imports-an-app", () => {
  const rule = "boundaries/no-package-imports-an-app";

  it("refuses a package that imports an app by its package name", async () => {
    const code = 'import { hashPassword } from "@seven-steps/authorization-server/password-hash";\nexport const hash = hashPassword("x");\n';
    expect(await rulesBrokenBy("packages/bench/src/members.ts", code)).toContain(rule);
  });

  it("refuses a package that reaches into an app's folder by a relative path", async () => {
    const code = 'export { db } from "../../../apps/client/src/db.ts";\n';
    expect(await rulesBrokenBy("packages/inspector/src/database.ts", code)).toContain(rule);
  });

  it("lets a package import other packages", async () => {
    const code = 'import { getDatabase } from "@seven-steps/db";\nimport { findPortProblem } from "@seven-steps/devtools/ports";\nexport const all = [getDatabase, findPortProblem];\n';
    expect(await rulesBrokenBy("packages/bench/src/members.ts", code)).not.toContain(rule);
  });

  it("lets the end-to-end suite, which is no package, import what an app exports", async () => {
    const code = 'import { hashPassword } from "@seven-steps/authorization-server/password-hash";\nexport const hash = hashPassword("x");\n';
    const broken = await rulesBrokenBy("e2e/fixtures/members.ts", code);
    expect(broken.filter((ruleId) => ruleId.startsWith("boundaries/"))).toEqual([]);
  });
});

describe("boundaries/protocol-is-pure", () => {
  const rule = "boundaries/protocol-is-pure";

  it.each(["@seven-steps/db", "@prisma/client", "better-sqlite3", "next/server", "next", "next-auth", "react"])(
    "refuses an import of %s in the protocol package",
    async (module) => {
      const code = `import * as framework from "${module}";\nexport const used = framework;\n`;
      expect(await rulesBrokenBy("packages/protocol/src/client/token-request.ts", code)).toContain(rule);
    },
  );

  it("refuses a relative path into the database package", async () => {
    const code = 'export { getDatabase } from "../../db/src/client.ts";\n';
    expect(await rulesBrokenBy("packages/protocol/src/storage.ts", code)).toContain(rule);
  });

  it("lets the protocol import jose, zod, @noble/hashes and its own modules", async () => {
    const code =
      'import { sha256 } from "@noble/hashes/sha2.js";\nimport { decodeJwt } from "jose";\nimport { z } from "zod";\nimport { roles } from "./roles.ts";\nexport const all = [sha256, decodeJwt, z, roles];\n';
    expect(await rulesBrokenBy("packages/protocol/src/client/token-request.ts", code)).not.toContain(rule);
  });

  it("leaves the other packages free to use the database", async () => {
    const code = 'import type { Database } from "@seven-steps/db";\nexport type Flows = Database;\n';
    expect(await rulesBrokenBy("packages/inspector/src/flows.ts", code)).not.toContain(rule);
  });
});

describe("boundaries/resource-api-own-tables", () => {
  const rule = "boundaries/resource-api-own-tables";
  const file = "apps/resource-api/src/storage/others.ts";
  const storageModule = (body: string) => `import "server-only";\nimport { db, sql } from "@/db";\n\nexport const query = () => ${body};\n`;

  it.each([
    ["the authorization server's users", "db.user.findMany()"],
    ["its access tokens", "db.accessToken.count()"],
    ["its grants, by a computed name", 'db["grant"].findMany()'],
    ["the client's sessions", "db.clientSession.findMany()"],
    ["the inspector's records, which only its package reads", "db.protocolExchange.findMany()"],
    ["a quoted table in SQL", "sql.all('SELECT * FROM \"RefreshToken\" WHERE \"tokenHash\" = ?', 'x')"],
    ["a table in an SQL template", 'sql.all(`SELECT "id" FROM "Session" WHERE "userId" = ${"x"}`)'],
    ["an unquoted table in SQL", 'sql.run("delete from consent")'],
  ])("refuses %s", async (_, body) => {
    expect(await rulesBrokenBy(file, storageModule(body))).toContain(rule);
  });

  it("lets the resource API use its own tables, Photo and Profile", async () => {
    for (const body of ['db.photo.findMany()', 'db.profile.findUnique({ where: { sub: "x" } })', "sql.all('SELECT \"id\" FROM \"Photo\" WHERE \"ownerSub\" = ?', 'x')"]) {
      expect(await rulesBrokenBy(file, storageModule(body))).not.toContain(rule);
    }
  });

  it("leaves the authorization server its own tables", async () => {
    expect(await rulesBrokenBy("apps/authorization-server/src/storage/users.ts", storageModule("db.user.findMany()"))).not.toContain(rule);
  });
});

describe("boundaries/server-only-data-modules", () => {
  const rule = "boundaries/server-only-data-modules";

  it("refuses a storage module that does not start with the server-only marker", async () => {
    const code = 'import { db } from "@/db";\n\nexport const findUser = (id: string) => db.user.findUnique({ where: { id } });\n';
    expect(await rulesBrokenBy("apps/authorization-server/src/storage/users.ts", code)).toContain(rule);
  });

  it("refuses an app's db.ts without the marker", async () => {
    const code = 'import { getDatabase } from "@seven-steps/db";\n\nexport const db = getDatabase("file:x.db");\n';
    expect(await rulesBrokenBy("apps/client/src/db.ts", code)).toContain(rule);
  });

  it("refuses any other module that imports the database, such as a page", async () => {
    const code = 'import { db } from "@/db";\n\nexport default async function Page() {\n  return String(await db.clientSession.count());\n}\n';
    expect(await rulesBrokenBy("apps/client/src/app/sessions/page.tsx", code)).toContain(rule);
  });

  it("refuses a module that imports the database by a relative path", async () => {
    const code = 'import { db } from "../db.ts";\n\nexport const count = () => db.photo.count();\n';
    expect(await rulesBrokenBy("apps/resource-api/src/photos/count.ts", code)).toContain(rule);
  });

  it("refuses the marker anywhere but first", async () => {
    const code = 'import { db } from "@/db";\nimport "server-only";\n\nexport const count = () => db.photo.count();\n';
    expect(await rulesBrokenBy("apps/resource-api/src/storage/photos.ts", code)).toContain(rule);
  });

  it("accepts a data module that starts with the marker", async () => {
    const code = 'import "server-only";\nimport { db } from "@/db";\n\nexport const count = () => db.photo.count();\n';
    expect(await rulesBrokenBy("apps/resource-api/src/storage/photos.ts", code)).not.toContain(rule);
  });

  it("leaves alone a module that imports only the database's types, or nothing of it", async () => {
    const typesOnly = 'import type { DatabaseClient } from "@/db";\n\nexport type Client = DatabaseClient;\n';
    expect(await rulesBrokenBy("apps/authorization-server/src/oauth/client-type.ts", typesOnly)).not.toContain(rule);
    const noDatabase = 'export const greeting = "hello";\n';
    expect(await rulesBrokenBy("apps/client/src/lab/greeting.ts", noDatabase)).not.toContain(rule);
  });
});
