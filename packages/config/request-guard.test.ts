import { describe, expect, it } from "vitest";
import { guardRequest } from "./request-guard.ts";

const page = "http://localhost:3001/developers";

async function refusal(request: Request): Promise<{ status: number; error: string } | null> {
  const answer = await guardRequest(request);
  if (answer === null) return null;
  return { status: answer.status, error: ((await answer.json()) as { error: string }).error };
}

function multipart(body: string, headers: Record<string, string> = {}): Request {
  return new Request(page, {
    method: "POST",
    headers: { host: "localhost:3001", "content-type": "multipart/form-data; boundary=b", ...headers },
    body,
  });
}

const readableBody = '--b\r\nContent-Disposition: form-data; name="client_name"\r\n\r\nKiosk\r\n--b--\r\n';

describe("the request guard in front of Next.js", () => {
  it("lets ordinary requests through", async () => {
    expect(await guardRequest(new Request(page))).toBeNull();
    expect(await guardRequest(multipart(readableBody, { origin: "http://localhost:3001" }))).toBeNull();
  });

  it("answers a method no route has with 405 and the Allow header", async () => {
    const answer = await guardRequest(new Request(page, { method: "PROPFIND" }));

    expect(answer?.status).toBe(405);
    expect(answer?.headers.get("Allow")).toContain("GET");
  });

  it("refuses a path that is not correctly percent-encoded", async () => {
    expect(await refusal(new Request("http://localhost:3001/photos/%E0%A4%A"))).toEqual({ status: 400, error: "invalid_request" });
  });

  it("refuses any server action, since no page has one", async () => {
    const action = new Request(page, { method: "POST", headers: { "next-action": "7f00", host: "localhost:3001" }, body: "[]" });

    expect(await refusal(action)).toEqual({ status: 400, error: "invalid_request" });
    const actionForm = '--b\r\nContent-Disposition: form-data; name="$ACTION_ID_7f00"\r\n\r\n\r\n--b--\r\n';
    expect(await refusal(multipart(actionForm))).toEqual({ status: 400, error: "invalid_request" });
  });

  it("refuses a multipart post from another site, and one whose body cannot be read", async () => {
    expect(await refusal(multipart(readableBody, { origin: "https://attacker.example" }))).toEqual({ status: 403, error: "invalid_request" });
    expect(await refusal(multipart("--b\r\nnot a part"))).toEqual({ status: 400, error: "invalid_request" });
  });
});
