// Requests the fuzzer (tests/stress/fuzz.spec.ts) once answered with a 500 or a broken answer,
// kept here as plain tests: each now gets a client error that says what was wrong.
import { request as httpRequest } from "node:http";
import { apps, appsUnderTest } from "../../apps.ts";
import { expect, test } from "../../fixtures/test.ts";

const client = apps.client.url;

test("next-auth's routes refuse a callbackUrl that is not a URL of PrintShop, wherever it is sent", async ({ request }) => {
  const inForm = await request.post(`${client}/api/auth/signin/authorization-server`, {
    form: { callbackUrl: "\uFEFF" },
    maxRedirects: 0,
  });
  expect(inForm.status()).toBe(400);
  expect(await inForm.json()).toEqual({ error: "invalid_request", error_description: "The callbackUrl must be on this site." });

  const inQuery = await request.get(`${client}/api/auth/signin?callbackUrl=${encodeURIComponent("https://evil.example/")}`, {
    maxRedirects: 0,
  });
  expect(inQuery.status()).toBe(400);

  // Repeated, next-auth would follow the last one.
  const repeated = await request.get(`${client}/api/auth/session?callbackUrl=%2Fphotos&callbackUrl=not-a-url`, { maxRedirects: 0 });
  expect(repeated.status()).toBe(400);
});

test("a forged callback-url cookie gets a 400 that clears it, and next-auth works again after", async ({ request }) => {
  const forged = await request.get(`${client}/api/auth/session`, { headers: { cookie: "printshop.callback-url=%EF%BB%BF" } });
  expect(forged.status()).toBe(400);
  expect((await forged.json()).error).toBe("invalid_request");
  expect(forged.headers()["set-cookie"]).toMatch(/^printshop\.callback-url=; Path=\/; Max-Age=0/);

  const after = await request.get(`${client}/api/auth/session`);
  expect(after.status()).toBe(200);
});

test("a path next-auth does not know, in any script, is a 404", async ({ request }) => {
  for (const path of ["/api/auth/error/%F0%9D%9D%8A%D0%B3", "/api/auth/signin/authorization-server/extra", "/api/auth/%E2%9C%93"]) {
    const response = await request.get(`${client}${path}`, { maxRedirects: 0 });
    expect(response.status(), path).toBe(404);
  }
});

test("next-auth's error page takes error names in plain ASCII only", async ({ request }) => {
  const known = await request.get(`${client}/api/auth/error?error=OAuthCallback`, { maxRedirects: 0 });
  expect(known.status()).toBe(302);
  expect(known.headers().location).toContain("?error=OAuthCallback");

  const unicode = await request.get(`${client}/api/auth/error?error=${encodeURIComponent("\u{1D74A}")}`, { maxRedirects: 0 });
  expect(unicode.status()).toBe(400);
  expect((await unicode.json()).error).toBe("invalid_request");
});

test("a post that asks for a React Server Components payload gets a 400 on every app, not Next.js's 500", async ({ request }) => {
  for (const app of appsUnderTest) {
    const response = await request.post(`${app.url}/photos/add/%F0%92%90%9D`, {
      headers: { rsc: "1", "content-type": "application/x-www-form-urlencoded" },
      data: "title=E",
      maxRedirects: 0,
    });
    expect(response.status(), app.url).toBe(400);
    expect((await response.json()).error).toBe("invalid_request");
  }
});

/** A HEAD whose request line alone is beyond Node.js's 16 KiB limit; resolves with what came back. */
function oversizedHead(url: string): Promise<{ status?: number; body?: string; error?: string }> {
  return new Promise((resolve) => {
    const outgoing = httpRequest(`${url}/${"x".repeat(20_000)}`, { method: "HEAD" }, (response) => {
      let body = "";
      response.on("data", (chunk: Buffer) => (body += chunk.toString()));
      response.on("end", () => resolve({ status: response.statusCode, body }));
    });
    outgoing.on("error", (error: NodeJS.ErrnoException) => resolve({ error: error.code }));
    outgoing.end();
  });
}

test("a HEAD too large to parse gets its 431 without a body, on every app", async () => {
  for (const app of appsUnderTest) {
    expect(await oversizedHead(app.url), app.url).toEqual({ status: 431, body: "" });
  }
});
