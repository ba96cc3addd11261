import { describe, expect, it } from "vitest";
import {
  AuthorizationResponseError,
  checkOfAuthorizationResponseError,
  responseIssuerCheck,
  responseStateCheck,
  validateAuthorizationResponse,
} from "./authorization-response.ts";

const expected = { expectedState: "state-1", expectedIssuer: "https://as.test" };

function callback(parameters: Record<string, string> | [string, string][]): string {
  return `https://client.test/callback?${new URLSearchParams(parameters).toString()}`;
}

function refusal(url: string): AuthorizationResponseError {
  try {
    validateAuthorizationResponse(url, expected);
  } catch (error) {
    if (error instanceof AuthorizationResponseError) return error;
    throw error;
  }
  throw new Error("The response was accepted.");
}

describe("validateAuthorizationResponse (RFC 6749 §4.1.2, RFC 9207)", () => {
  it("returns the code when state and iss are the expected ones", () => {
    expect(validateAuthorizationResponse(callback({ code: "c0de", state: "state-1", iss: "https://as.test" }), expected)).toBe("c0de");
    expect(validateAuthorizationResponse(new URL(callback({ code: "c0de", state: "state-1", iss: "https://as.test" })), expected)).toBe("c0de");
  });

  it("refuses a response without iss (RFC 9207 §2.4)", () => {
    expect(refusal(callback({ code: "c0de", state: "state-1" })).code).toBe("issuer_mismatch");
  });

  it("refuses a response from another issuer, comparing the strings exactly", () => {
    const error = refusal(callback({ code: "c0de", state: "state-1", iss: "https://as.test/" }));
    expect(error.code).toBe("issuer_mismatch");
    expect(error.cause).toEqual({ expected: "https://as.test", received: "https://as.test/" });
  });

  it("lets another issuer through only with the attack lab's mix-up-iss switch, and still checks the state", () => {
    const fromAnother = callback({ code: "c0de", state: "state-1", iss: "https://photocloud.test" });
    expect(refusal(fromAnother).code).toBe("issuer_mismatch");
    expect(validateAuthorizationResponse(fromAnother, { ...expected, issuerCheckSwitchedOff: true })).toBe("c0de");
    expect(() =>
      validateAuthorizationResponse(callback({ code: "c0de", state: "state-2", iss: "https://photocloud.test" }), { ...expected, issuerCheckSwitchedOff: true }),
    ).toThrow(expect.objectContaining({ code: "state_mismatch" }));
  });

  it("refuses a state that differs from the one sent, or is missing (RFC 6749 §10.12)", () => {
    expect(refusal(callback({ code: "c0de", state: "state-2", iss: "https://as.test" })).code).toBe("state_mismatch");
    expect(refusal(callback({ code: "c0de", iss: "https://as.test" })).code).toBe("state_mismatch");
  });

  it("checks state before reading an error, so a forged error is refused as forged", () => {
    expect(refusal(callback({ error: "access_denied", state: "forged", iss: "https://as.test" })).code).toBe("state_mismatch");
  });

  it("turns an error response into its RFC 6749 §4.1.2.1 code, with the server's description", () => {
    const error = refusal(
      callback({ error: "access_denied", error_description: "The user denied the request.", state: "state-1", iss: "https://as.test" }),
    );
    expect(error.code).toBe("access_denied");
    expect(error.description).toBe("The user denied the request.");
  });

  it("describes an error the server left undescribed, and refuses an unknown error code", () => {
    expect(refusal(callback({ error: "server_error", state: "state-1", iss: "https://as.test" })).description).toMatch(/unexpected condition/);
    expect(refusal(callback({ error: "made_up", state: "state-1", iss: "https://as.test" })).code).toBe("invalid_response");
  });

  it("refuses a response with neither a code nor an error", () => {
    expect(refusal(callback({ state: "state-1", iss: "https://as.test" })).code).toBe("invalid_response");
  });

  it("refuses a parameter that appears twice (RFC 6749 §3.1)", () => {
    const url = callback([
      ["code", "c0de"],
      ["code", "other"],
      ["state", "state-1"],
      ["iss", "https://as.test"],
    ]);
    expect(refusal(url).description).toBe("The parameter code appears more than once.");
  });
});

describe("the descriptions of the response checks", () => {
  it("name the check behind each refusal of this client's own, for a page that shows a refusal raised in a browser", () => {
    expect(checkOfAuthorizationResponseError(refusal(callback({ code: "c0de", state: "state-1", iss: "https://mallory.test" })).code)).toBe(responseIssuerCheck);
    expect(checkOfAuthorizationResponseError(refusal(callback({ code: "c0de", state: "state-2", iss: "https://as.test" })).code)).toBe(responseStateCheck);
    expect(checkOfAuthorizationResponseError("access_denied")).toBeUndefined();
    expect(responseIssuerCheck.see).toBe("https://www.rfc-editor.org/rfc/rfc9207#section-2.4");
  });
});
