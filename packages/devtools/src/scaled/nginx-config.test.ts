import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { allInstances, scaledAppNames, scaledApps } from "./layout.ts";
import { nginxConfig, parseAccessLogLine } from "./nginx-config.ts";
import { findNginx } from "./nginx.ts";

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function dataFolder(): string {
  const folder = mkdtempSync(path.join(tmpdir(), "scaled-nginx-"));
  folders.push(folder);
  return folder;
}

function hasNginx(): boolean {
  try {
    findNginx();
    return true;
  } catch {
    return false;
  }
}

describe("nginxConfig", () => {
  it("puts every instance in its app's upstream, and listens on each app's public port", () => {
    const config = nginxConfig({ folder: "/data" });
    for (const instance of allInstances) {
      expect(config.match(new RegExp(`server 127\\.0\\.0\\.1:${instance.port} `, "g"))).toHaveLength(1);
    }
    for (const app of scaledAppNames) {
      expect(config).toContain(`listen localhost:${scaledApps[app].publicPort};`);
      expect(config).toContain(`proxy_pass http://${scaledApps[app].folder};`);
    }
  });

  it("passes the Host header on with its port, and names the instance that answered", () => {
    const config = nginxConfig({ folder: "/data" });
    expect(config).toContain("proxy_set_header Host $http_host;");
    expect(config).toContain("add_header X-Upstream $upstream_addr always;");
  });

  it("retries on the other instance only what never reached the first one, unless it is a GET", () => {
    const config = nginxConfig({ folder: "/data" });
    expect(config).toMatch(/^\s*proxy_next_upstream error timeout;$/m);
    expect(config).not.toMatch(/^\s*proxy_next_upstream [^;]*non_idempotent/m);
  });

  it("writes nothing outside its data folder", () => {
    const config = nginxConfig({ folder: "/data" });
    const paths = [...config.matchAll(/^\s*(?:pid|error_log|access_log|\w+_temp_path) (\S+)/gm)].map((match) => match[1]);
    expect(paths).toHaveLength(8);
    for (const file of paths) expect(file).toMatch(/^\/data\//);
  });

  it.skipIf(!hasNginx())("is a configuration nginx accepts", () => {
    const folder = dataFolder();
    for (const sub of ["logs", "temp"]) mkdirSync(path.join(folder, sub));
    const file = path.join(folder, "nginx.conf");
    writeFileSync(file, nginxConfig({ folder }));
    const test = spawnSync(findNginx(), ["-t", "-c", file, "-p", `${folder}/`, "-e", path.join(folder, "logs", "nginx-error.log")], { encoding: "utf8" });
    expect(test.stderr).toContain("test is successful");
  });
});

describe("parseAccessLogLine", () => {
  it("reads a request nginx retried on the second instance", () => {
    expect(parseAccessLogLine('303 "POST /sign-in/password HTTP/1.1" upstream="127.0.0.1:3110, 127.0.0.1:3111" upstream_status="502, 303"')).toEqual({
      status: 303,
      request: "POST /sign-in/password HTTP/1.1",
      upstreams: ["127.0.0.1:3110", "127.0.0.1:3111"],
      upstreamStatuses: ["502", "303"],
    });
  });

  it("reads a request no instance was asked about, and refuses a line of another format", () => {
    expect(parseAccessLogLine('400 "GARBAGE" upstream="" upstream_status=""')).toMatchObject({ upstreams: [], upstreamStatuses: [] });
    expect(parseAccessLogLine("127.0.0.1 - - [05/Dec/2026] \"GET / HTTP/1.1\" 200")).toBeUndefined();
  });
});
