// PrintShop's callback refuses a code pushed into a browser that started no sign-in (code
// injection, RFC 9700 §4.7), and records the refusal; the attack lab's weak sign-in, there only
// while ATTACK_LAB_WEAKENING is on, lets it through. Each test runs next-auth's real callback.
import type { NextAuthOptions } from "next-auth";
import { createRequire } from "node:module";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeAuthorizationServer as server } from "./fake-authorization-server.ts";

afterEach(() => {
  server.tokenRequests.length = 0;
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

// next-auth's core, which its Next.js handler calls once it has read the request (that handler
// needs Next.js's request scope). The package does not export it by name.
const require = createRequire(import.meta.url);
type NextAuthCore = (parameters: {
  req: { query: Record<string, string>; body: object; cookies: Record<string, string>; headers: Record<string, string>; method: string; action: string; providerId: string };
  options: NextAuthOptions;
}) => Promise<{ redirect?: string; cookies?: { name: string; value: string }[] }>;
const { AuthHandler } = require(path.join(path.dirname(require.resolve("next-auth")), "core/index.js")) as { AuthHandler: NextAuthCore };

/** PrintShop's modules, loaded afresh with ATTACK_LAB_WEAKENING as given. */
async function printShop(weakening: boolean) {
  vi.resetModules();
  vi.stubEnv("ATTACK_LAB_WEAKENING", String(weakening));
  vi.spyOn(console, "error").mockImplementation(() => undefined);
  const { authOptions } = await import("@/auth/options");
  const { answerCallback } = await import("@/auth/callback-check");
  const { checksCallbackBinding, signInProviderOfCallback } = await import("@/auth/provider");

  /** A browser with no cookie of PrintShop's arrives at a callback with Mallory's code, as the route answers it. */
  async function forgedCallback(providerId: string) {
    const provider = signInProviderOfCallback(`/api/auth/callback/${providerId}`);
    return answerCallback(checksCallbackBinding(provider), async () => {
      const answer = await AuthHandler({
        req: { query: { code: "mallorys-code", iss: server.issuer }, body: {}, cookies: {}, headers: {}, method: "GET", action: "callback", providerId },
        options: authOptions,
      });
      const headers = new Headers({ location: answer.redirect ?? "" });
      for (const cookie of answer.cookies ?? []) headers.append("set-cookie", `${cookie.name}=${cookie.value}`);
      return new Response(null, { status: 302, headers });
    });
  }
  return { authOptions, forgedCallback, signInProviderOfCallback };
}

describe("PrintShop's callback, with its state and PKCE checks", () => {
  it("refuses Mallory's code in a browser that started no sign-in, before redeeming it, and records the refusal", async () => {
    const { forgedCallback } = await printShop(false);
    const { response, checks } = await forgedCallback("authorization-server");

    expect(new URL(response.headers.get("location")!).searchParams.get("error")).toBe("OAuthCallback");
    expect(response.headers.get("set-cookie") ?? "").not.toContain("printshop.session-token");
    expect(server.tokenRequests).toHaveLength(0);
    expect(checks).toEqual([
      expect.objectContaining({ checkedBy: "client", outcome: "refused", detail: "State cookie was missing.", see: "https://www.rfc-editor.org/rfc/rfc9700#section-4.7.1" }),
    ]);
  });

  it("has no weak sign-in unless the apps run for the attack lab", async () => {
    const { authOptions, signInProviderOfCallback } = await printShop(false);
    expect(authOptions.providers.map((provider) => provider.id)).toEqual(["authorization-server"]);
    expect(signInProviderOfCallback("/api/auth/callback/printshop-weak")).toBeUndefined();
  });
});

describe("the attack lab's weak sign-in (callback-state switched off)", () => {
  it("signs the browser in with Mallory's code: no state, no PKCE verifier, and the check recorded as switched off", async () => {
    const { forgedCallback } = await printShop(true);
    const { response, checks } = await forgedCallback("printshop-weak");

    expect(response.headers.get("set-cookie")).toContain("printshop.session-token=");
    expect(new URL(response.headers.get("location")!).pathname).toBe("/");
    expect(server.tokenRequests).toHaveLength(1);
    const form = Object.fromEntries(server.tokenRequests[0]!);
    expect(form).toMatchObject({ grant_type: "authorization_code", code: "mallorys-code", client_id: "printshop-weak" });
    expect(form).not.toHaveProperty("code_verifier");
    const { callbackBelongsToThisBrowser } = await import("@/auth/callback-check");
    expect(checks.map((check) => [check.rule, check.outcome])).toEqual([[callbackBelongsToThisBrowser.rule, "switched-off"]]);
  });

  it("leaves PrintShop's own sign-in as it is: the same code is refused there", async () => {
    const { authOptions, forgedCallback } = await printShop(true);
    expect(authOptions.providers.map((provider) => [provider.id, provider.options?.checks ?? (provider as { checks?: unknown }).checks])).toEqual([
      ["authorization-server", ["pkce", "state"]],
      ["printshop-weak", ["none"]],
    ]);
    const { checks } = await forgedCallback("authorization-server");
    expect(checks.map((check) => check.outcome)).toEqual(["refused"]);
    expect(server.tokenRequests).toHaveLength(0);
  });
});
