// The boundaries of the project (README, "How the repository is laid out") as lint rules. Each rule finds
// where a file sits in the repository from its path, so base.js turns them all on everywhere and
// each applies only where its boundary is: a workspace cannot forget one.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const repositoryRoot = path.resolve(import.meta.dirname, "../../..");

/** The apps' folders by their package names: "@seven-steps/client" → "client". */
const appOfPackageName = new Map(
  readdirSync(path.join(repositoryRoot, "apps")).map((folder) => {
    const { name } = JSON.parse(readFileSync(path.join(repositoryRoot, "apps", folder, "package.json"), "utf8"));
    return [name, folder];
  }),
);

/** Where a file sits: `{ kind: "apps", name: "client", inside: "src/db.ts" }`, or kind "other". */
function placeOf(file) {
  const [kind, name, ...inside] = path.relative(repositoryRoot, file).split(path.sep);
  if ((kind === "apps" || kind === "packages") && name && inside.length > 0) {
    return { kind, name, inside: inside.join("/") };
  }
  return { kind: "other" };
}

/** The app an import reaches, by package name or by relative path, or undefined. */
function appReachedBy(source, file) {
  if (source.startsWith(".")) {
    const place = placeOf(path.resolve(path.dirname(file), source));
    return place.kind === "apps" ? place.name : undefined;
  }
  const packageName = source.split("/").slice(0, source.startsWith("@") ? 2 : 1).join("/");
  return appOfPackageName.get(packageName);
}

/** Calls `check(source, node)` for every module a file imports or re-exports. */
function importVisitors(check) {
  const visit = (node) => {
    if (node.source && typeof node.source.value === "string") check(node.source.value, node);
  };
  return {
    ImportDeclaration: visit,
    ExportNamedDeclaration: visit,
    ExportAllDeclaration: visit,
    ImportExpression: visit,
  };
}

const noAppImportsAnotherApp = {
  meta: {
    type: "problem",
    docs: { description: "An app never imports another app: the roles talk over HTTP only." },
    messages: { crossing: "apps/{{from}} imports apps/{{to}} ({{source}}). The roles talk over HTTP only." },
    schema: [],
  },
  create(context) {
    const place = placeOf(context.filename);
    if (place.kind !== "apps") return {};
    return importVisitors((source, node) => {
      const reached = appReachedBy(source, context.filename);
      if (reached && reached !== place.name) {
        context.report({ node, messageId: "crossing", data: { from: place.name, to: reached, source } });
      }
    });
  },
};

const noPackageImportsAnApp = {
  meta: {
    type: "problem",
    docs: { description: "A package never imports an app: apps are built on packages, not the other way round." },
    messages: { upward: "packages/{{from}} imports apps/{{to}} ({{source}}). Packages never depend on apps." },
    schema: [],
  },
  create(context) {
    const place = placeOf(context.filename);
    if (place.kind !== "packages") return {};
    return importVisitors((source, node) => {
      const reached = appReachedBy(source, context.filename);
      if (reached) context.report({ node, messageId: "upward", data: { from: place.name, to: reached, source } });
    });
  },
};

/** What the protocol package may not import: the database, and the framework. */
const impureModules = [
  /^@seven-steps\/db(\/|$)/,
  /^@prisma\//,
  /^prisma(\/|$)/,
  /^better-sqlite3$/,
  /^next(\/|$)/,
  /^next-auth(\/|$)/,
  /^react(-dom)?(\/|$)/,
  /^server-only$/,
];

const protocolIsPure = {
  meta: {
    type: "problem",
    docs: { description: "packages/protocol imports neither the database nor Next.js, so it can be read and tested on its own." },
    messages: { impure: "packages/protocol imports {{source}}. The protocol is pure: no database, no framework." },
    schema: [],
  },
  create(context) {
    const place = placeOf(context.filename);
    if (place.kind !== "packages" || place.name !== "protocol") return {};
    return importVisitors((source, node) => {
      const reached = source.startsWith(".") ? placeOf(path.resolve(path.dirname(context.filename), source)) : undefined;
      if ((reached?.kind === "packages" && reached.name === "db") || impureModules.some((pattern) => pattern.test(source))) {
        context.report({ node, messageId: "impure", data: { source } });
      }
    });
  },
};

/** The models of one schema file in prisma/models/, such as "resource-api". */
function modelsOf(schemaFile) {
  const schema = readFileSync(path.join(repositoryRoot, "prisma", "models", `${schemaFile}.prisma`), "utf8");
  return [...schema.matchAll(/^model\s+(\w+)\s*\{/gm)].map((match) => match[1]);
}

/**
 * The tables the resource API must not name: every model of the other roles' schema files (the
 * inspector's tables are reached through its package). Prisma names a model's accessor after the
 * model, first letter lower-cased: `db.accessToken` for AccessToken.
 */
const othersTables = readdirSync(path.join(repositoryRoot, "prisma", "models"))
  .filter((file) => file.endsWith(".prisma"))
  .map((file) => file.slice(0, -".prisma".length))
  .filter((schemaFile) => schemaFile !== "resource-api")
  .flatMap(modelsOf);
const othersTableOfAccessor = new Map(othersTables.map((table) => [table[0].toLowerCase() + table.slice(1), table]));
const othersTablesLowerCase = new Set(othersTables.map((table) => table.toLowerCase()));

/** The table an SQL text names after FROM, JOIN, INTO, UPDATE or TABLE, quoted or not. */
function namesAnOthersTable(text) {
  for (const match of text.matchAll(/\b(?:from|join|into|update|table)\s+[`"']?(\w+)/gi)) {
    if (othersTablesLowerCase.has(match[1].toLowerCase())) return match[1];
  }
  return undefined;
}

const resourceApiOwnTables = {
  meta: {
    type: "problem",
    docs: {
      description:
        "The resource API names only its own tables (prisma/models/resource-api.prisma): it knows a token only through the token itself, the JWKS and introspection.",
    },
    messages: {
      table: "The resource API names {{table}}, a table of another role. It owns only the models of prisma/models/resource-api.prisma.",
    },
    schema: [],
  },
  create(context) {
    const place = placeOf(context.filename);
    if (place.kind !== "apps" || place.name !== "resource-api" || !place.inside.startsWith("src/")) return {};
    const checkText = (text, node) => {
      const table = namesAnOthersTable(text);
      if (table) context.report({ node, messageId: "table", data: { table } });
    };
    return {
      MemberExpression(node) {
        const table = othersTableOfAccessor.get(node.computed ? node.property.value : node.property.name);
        if (table) context.report({ node, messageId: "table", data: { table } });
      },
      Literal(node) {
        if (typeof node.value === "string") checkText(node.value, node);
      },
      TemplateLiteral(node) {
        checkText(node.quasis.map((quasi) => quasi.value.raw).join(" "), node);
      },
    };
  },
};

/** Whether an import brings in a value (not only types) from the app's database module. */
function importsTheDatabase(node, file) {
  if (node.type !== "ImportDeclaration" || node.importKind === "type") return false;
  if (node.specifiers.length > 0 && node.specifiers.every((specifier) => specifier.importKind === "type")) return false;
  const source = node.source.value;
  if (source === "@/db") return true;
  const { inside } = source.startsWith(".") ? placeOf(path.resolve(path.dirname(file), source)) : {};
  return inside === "src/db" || inside === "src/db.ts";
}

const serverOnlyDataModules = {
  meta: {
    type: "problem",
    docs: {
      description:
        'An app\'s data modules (src/db.ts, src/storage/**, and any module that imports the database from src/db.ts) start with import "server-only".',
    },
    messages: {
      missing:
        'A module that reaches the database starts with `import "server-only";`, so that Next.js refuses to bundle it for the browser.',
    },
    schema: [],
  },
  create(context) {
    const place = placeOf(context.filename);
    if (place.kind !== "apps" || !place.inside.startsWith("src/")) return {};
    const isDataModule = place.inside === "src/db.ts" || place.inside.startsWith("src/storage/");
    return {
      Program(program) {
        const first = program.body[0];
        const startsWithServerOnly = first?.type === "ImportDeclaration" && first.source.value === "server-only";
        const reachesTheDatabase = isDataModule || program.body.some((node) => importsTheDatabase(node, context.filename));
        if (reachesTheDatabase && !startsWithServerOnly) context.report({ node: first ?? program, messageId: "missing" });
      },
    };
  },
};

export default {
  meta: { name: "boundaries" },
  rules: {
    "no-app-imports-another-app": noAppImportsAnotherApp,
    "no-package-imports-an-app": noPackageImportsAnApp,
    "protocol-is-pure": protocolIsPure,
    "resource-api-own-tables": resourceApiOwnTables,
    "server-only-data-modules": serverOnlyDataModules,
  },
};
