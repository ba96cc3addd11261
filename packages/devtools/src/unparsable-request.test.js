import { createServer, request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerUnparsableRequest } from "./unparsable-request.js";

let server;
let port;

beforeAll(async () => {
  server = createServer((_request, response) => response.end("ok"));
  server.on("clientError", answerUnparsableRequest);
  await new Promise((resolve) => server.listen(0, resolve));
  port = server.address().port;
});

afterAll(() => new Promise((resolve) => server.close(resolve)));

/** Sends a request with a large body, and resolves with the answer, or with the error seen instead. */
function send(method) {
  return new Promise((resolve) => {
    const outgoing = request({ host: "localhost", port, method, path: "/", headers: { "content-type": "text/plain" } }, (response) => {
      let body = "";
      response.on("data", (chunk) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode, allow: response.headers.allow, body }));
    });
    outgoing.on("error", (error) => resolve({ error: error.code }));
    outgoing.end("a".repeat(200_000));
  });
}

/** Sends a request whose path alone exceeds Node.js's 16 KiB limit on the request head. */
function sendOversized(method) {
  return new Promise((resolve) => {
    const outgoing = request({ host: "localhost", port, method, path: `/${"x".repeat(20_000)}` }, (response) => {
      let body = "";
      response.on("data", (chunk) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode, body }));
    });
    outgoing.on("error", (error) => resolve({ error: error.code }));
    outgoing.end();
  });
}

describe("a request Node.js cannot parse", () => {
  it("gets a 405 with Allow for an unknown method, even while its large body is still being sent", async () => {
    const answers = await Promise.all(Array.from({ length: 10 }, () => send("BREW")));

    for (const answer of answers) {
      expect(answer).toMatchObject({ status: 405, allow: "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS" });
      expect(JSON.parse(answer.body)).toEqual({ error: "invalid_request", error_description: "The method is not allowed." });
    }
  });

  it("gets a 431 for headers too large, with its reason in the body", async () => {
    const answer = await sendOversized("GET");

    expect(answer).toMatchObject({ status: 431 });
    expect(JSON.parse(answer.body)).toEqual({ error: "invalid_request", error_description: "The request headers are too large." });
  });

  it("answers a HEAD with headers too large without a body, which a HEAD answer must not have", async () => {
    expect(await sendOversized("HEAD")).toEqual({ status: 431, body: "" });
  });

  it("leaves ordinary requests to the server", async () => {
    expect(await send("POST")).toMatchObject({ status: 200, body: "ok" });
  });
});
