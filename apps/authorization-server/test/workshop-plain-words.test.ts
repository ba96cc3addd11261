// The server's answers in plain words (src/workshop/plain-words.ts), wherever the protocol puts the
// error: a JSON body, a WWW-Authenticate challenge, a redirect back to the client; and the check
// that refused the request, as the servers record it.
import { describe, expect, it } from "vitest";
import { checkRedirectUri } from "@/oauth/authorization-request/checks";
import { checkCodeVerifier } from "@/oauth/grants/authorization-code";
import { passwordMatches } from "@/sign-in/sign-in-with-password";
import { inPlainWords, isRefused, type RecordedAnswer } from "@/workshop/plain-words";

function answer(fields: Partial<RecordedAnswer>): RecordedAnswer {
  return { kind: "token", status: 400, responseHeaders: "{}", responseBody: null, checks: null, ...fields };
}

const refused = (check: object, detail: string) => JSON.stringify([{ ...check, outcome: "refused", detail }]);

describe("a refused request in plain words", () => {
  it("names PKCE for the code_verifier check, a wrong verifier and a missing one apart", () => {
    const checks = refused(checkCodeVerifier.check, "invalid_grant: …");
    const mismatch = inPlainWords(answer({ checks, responseBody: JSON.stringify({ error: "invalid_grant", error_description: "The code_verifier does not match." }) }));
    expect(mismatch).toEqual({ error: "invalid_grant", description: "The code_verifier does not match.", words: "PKCE: the code_verifier does not match the code_challenge" });
    const missing = inPlainWords(answer({ checks, responseBody: JSON.stringify({ error: "invalid_request" }) }));
    expect(missing.words).toBe("PKCE: the code_verifier is missing or malformed (this server requires PKCE)");
  });

  it("reads the authorization endpoint's error page and its redirect back to the client", () => {
    expect(inPlainWords(answer({ kind: "authorization-request", checks: refused(checkRedirectUri.check, "invalid_request: …") })).words).toBe(
      "redirect_uri mismatch: it is not, character for character, a redirect URI registered for the client",
    );
    const denied = answer({
      kind: "consent",
      status: 303,
      responseHeaders: JSON.stringify({ location: "http://localhost:3333/callback?error=access_denied&state=x" }),
    });
    expect(isRefused(denied)).toBe(true);
    expect(inPlainWords(denied)).toMatchObject({ error: "access_denied", words: "access_denied: the user clicked Deny on the consent screen" });
  });

  it("reads a resource server's WWW-Authenticate challenge", () => {
    const challenged = answer({
      kind: "resource",
      status: 403,
      responseHeaders: JSON.stringify({ "www-authenticate": 'Bearer realm="api", error="insufficient_scope", error_description="Needs photos:write."' }),
    });
    expect(inPlainWords(challenged)).toEqual({
      error: "insufficient_scope",
      description: "Needs photos:write.",
      words: "insufficient_scope: the access token lacks the scope this API call needs",
    });
  });

  it("tells a wrong password from an empty form at sign-in, which carries no protocol error", () => {
    const back = (error: string) => JSON.stringify({ location: `/sign-in?error=${error}&return_to=%2F` });
    const wrong = answer({ kind: "sign-in", status: 303, responseHeaders: back("invalid"), checks: refused(passwordMatches, "unknown username or wrong password") });
    expect(isRefused(wrong)).toBe(true);
    expect(inPlainWords(wrong)).toEqual({ error: null, description: null, words: "sign-in: wrong username or password" });
    expect(inPlainWords(answer({ kind: "sign-in", status: 303, responseHeaders: back("missing") })).words).toBe("sign-in: the username or password was empty");
  });

  it("falls back on the error code, then on the status", () => {
    expect(inPlainWords(answer({ responseBody: JSON.stringify({ error: "invalid_grant" }) })).words).toMatch(/^invalid_grant: /);
    expect(inPlainWords(answer({ responseBody: JSON.stringify({ error: "not_found", error_description: "No profile." }) })).words).toBe("not_found: No profile.");
    expect(inPlainWords(answer({ status: 500, responseBody: "not json" })).words).toBe("answered HTTP 500");
  });

  it("counts as refused an error status or a redirect with an error, and nothing else", () => {
    expect(isRefused({ status: 200, responseHeaders: "{}" })).toBe(false);
    expect(isRefused({ status: 303, responseHeaders: JSON.stringify({ location: "/consent?client_id=x" }) })).toBe(false);
    expect(isRefused({ status: 303, responseHeaders: "not json" })).toBe(false);
    expect(isRefused({ status: 401, responseHeaders: "{}" })).toBe(true);
  });
});
