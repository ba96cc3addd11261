import net from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { findPortProblem } from "./ports.js";

const servers = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

function listenOnAnyPort() {
  return new Promise((resolve) => {
    const server = net.createServer();
    servers.push(server);
    server.listen(0, () => resolve(server.address().port));
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
});
