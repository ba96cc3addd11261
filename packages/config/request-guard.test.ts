import { describe, expect, it } from "vitest";
import { guardRequest } from "./request-guard.ts";

const page = "http://localhost:3001/developers";

async function refusal(request: Request): Promise<{ status: number; error: string } | null> {
  const answer = await guardRequest(request);
  if (answer === null) return null;
  return { status: answer.status, error: ((await answer.json()) as { error: string }).error };
}

describe("the request guard in front of Next.js", () => {
  it("lets ordinary requests and form posts through", async () => {
    expect(await guardRequest(new Request(page))).toBeNull();
    const form = new Request(`${page}/register`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "client_name=Kiosk",
    });
    expect(await guardRequest(form)).toBeNull();
  });

  it("answers a method no route has with 405 and the Allow header", async () => {
    const answer = await guardRequest(new Request(page, { method: "PROPFIND" }));

    expect(answer?.status).toBe(405);
    expect(answer?.headers.get("Allow")).toBe("GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS");
  });

  it("refuses a path that is not correctly percent-encoded", async () => {
    expect(await refusal(new Request("http://localhost:3001/photos/%E0%A4%A"))).toEqual({ status: 400, error: "invalid_request" });
  });

  it("refuses any server action, since no page has one", async () => {
    const action = new Request(page, { method: "POST", headers: { "next-action": "7f00" }, body: "[]" });

    expect(await refusal(action)).toEqual({ status: 400, error: "invalid_request" });
  });

  it("refuses a multipart body with 415, whatever its content and case", async () => {
    for (const contentType of ["multipart/form-data; boundary=b", " Multipart/Form-Data; boundary=b", "multipart/mixed"]) {
      const post = new Request(page, { method: "POST", headers: { "content-type": contentType }, body: "--b--\r\n" });
      expect(await refusal(post)).toEqual({ status: 415, error: "invalid_request" });
    }
  });
});
