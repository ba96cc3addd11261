import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { readBuiltConfig, useBuiltConfig } from "./built-config.js";

function appFolder() {
  return mkdtempSync(path.join(tmpdir(), "built-config-"));
}

describe("readBuiltConfig", () => {
  it("reads the configuration next build wrote", () => {
    const folder = appFolder();
    mkdirSync(path.join(folder, ".next"));
    const config = { poweredByHeader: false, compress: true, distDir: ".next" };
    writeFileSync(path.join(folder, ".next", "required-server-files.json"), JSON.stringify({ version: 1, config, files: [] }));

    expect(readBuiltConfig(folder)).toEqual({ config });
  });

  it("says to build first when there is no build", () => {
    const folder = appFolder();

    const { config, error } = readBuiltConfig(folder);

    expect(config).toBeUndefined();
    expect(error).toBe(`no production build in ${path.join(folder, ".next")}: run \`npm run build\` first`);
  });
});

describe("useBuiltConfig", () => {
  const variable = "__NEXT_PRIVATE_STANDALONE_CONFIG";
  afterEach(() => {
    delete process.env[variable];
  });

  it("hands the configuration to Next.js as its standalone server does", () => {
    useBuiltConfig({ poweredByHeader: false });

    expect(JSON.parse(process.env[variable] ?? "")).toEqual({ poweredByHeader: false });
  });
});
