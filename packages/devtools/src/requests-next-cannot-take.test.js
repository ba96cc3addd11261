import { describe, expect, it } from "vitest";
import { refusalBeforeNext } from "./requests-next-cannot-take.js";

/** The parts of an IncomingMessage the check reads. */
const incoming = (method, headers = {}) => ({ method, headers });

describe("requests refused before Next.js sees them", () => {
  it("refuses TRACE, TRACK and CONNECT with 405 and the methods that are allowed", () => {
    for (const method of ["TRACE", "TRACK", "CONNECT"]) {
      expect(refusalBeforeNext(incoming(method))).toEqual({
        status: 405,
        description: `The method ${method} is not allowed.`,
        headers: { Allow: "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS" },
      });
    }
  });

  it("refuses an RSC header on any method but GET and HEAD", () => {
    for (const method of ["POST", "PUT", "PATCH", "DELETE", "OPTIONS"]) {
      expect(refusalBeforeNext(incoming(method, { rsc: "1" }))?.status, method).toBe(400);
    }
  });

  it("lets everything else through, RSC requests with GET and HEAD included", () => {
    expect(refusalBeforeNext(incoming("GET", { rsc: "1" }))).toBeNull();
    expect(refusalBeforeNext(incoming("HEAD", { rsc: "1" }))).toBeNull();
    expect(refusalBeforeNext(incoming("POST", { "content-type": "application/x-www-form-urlencoded" }))).toBeNull();
    expect(refusalBeforeNext(incoming("PROPFIND"))).toBeNull();
  });
});
