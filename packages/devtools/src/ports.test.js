import net from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { findPortProblem } from "./ports.js";

const servers = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

function listenOnAnyPort(host) {
  return new Promise((resolve) => {
    const server = net.createServer();
    servers.push(server);
    server.listen(0, host, () => resolve(server.address().port));
  });
}

describe("findPortProblem", () => {
  it("says that a port held by another process is in use", async () => {
    const port = await listenOnAnyPort();
    expect(await findPortProblem(port)).toMatch(/already in use.*lsof -i :\d+/);
  });

  it("finds nothing wrong with a free port, and leaves it free", async () => {
    const port = await listenOnAnyPort();
    await new Promise((resolve) => servers.pop().close(resolve));
    expect(await findPortProblem(port)).toBeNull();
    expect(await findPortProblem(port)).toBeNull();
  });

  it("checks one address when the app will listen on that address only", async () => {
    // 127.0.0.2 stands in for a workshop room's address.
    const port = await listenOnAnyPort("127.0.0.2");
    expect(await findPortProblem(port, "127.0.0.2")).toMatch(/already in use/);
    expect(await findPortProblem(port, "127.0.0.3")).toBeNull();
  });
});
