import { describe, expect, it } from "vitest";
import {
  authorizationErrorCodes,
  bearerErrorCodes,
  errorCodeMeanings,
  isAuthorizationErrorCode,
  isBearerErrorCode,
  isTokenErrorCode,
  isValidErrorDescription,
  tokenErrorCodes,
} from "./error-codes.ts";

describe("OAuth error codes", () => {
  it("lists the codes of RFC 6749 §4.1.2.1, plus RFC 8707's invalid_target and RFC 9101's invalid_request_uri", () => {
    expect([...authorizationErrorCodes].sort()).toEqual(
      [
        "access_denied",
        "invalid_request",
        "invalid_request_uri",
        "invalid_scope",
        "server_error",
        "temporarily_unavailable",
        "unauthorized_client",
        "unsupported_response_type",
        "invalid_target",
      ].sort(),
    );
  });

  it("lists the codes of RFC 6749 §5.2, plus server_error, temporarily_unavailable, RFC 8707's invalid_target and those of DPoP", () => {
    expect([...tokenErrorCodes].sort()).toEqual(
      [
        "invalid_dpop_proof",
        "use_dpop_nonce",
        "invalid_client",
        "invalid_grant",
        "invalid_request",
        "invalid_scope",
        "server_error",
        "temporarily_unavailable",
        "unauthorized_client",
        "unsupported_grant_type",
        "invalid_target",
      ].sort(),
    );
  });

  it("lists the codes of RFC 6750 §3.1", () => {
    expect([...bearerErrorCodes].sort()).toEqual(["insufficient_scope", "invalid_request", "invalid_token"]);
  });

  it("explains every code", () => {
    for (const code of [...authorizationErrorCodes, ...tokenErrorCodes, ...bearerErrorCodes]) {
      expect(errorCodeMeanings[code]).toMatch(/\.$/);
    }
  });

  it("tells the codes of each endpoint apart", () => {
    expect(isAuthorizationErrorCode("access_denied")).toBe(true);
    expect(isTokenErrorCode("access_denied")).toBe(false);
    expect(isTokenErrorCode("invalid_grant")).toBe(true);
    expect(isBearerErrorCode("invalid_grant")).toBe(false);
    expect(isBearerErrorCode("insufficient_scope")).toBe(true);
    expect(isTokenErrorCode(42)).toBe(false);
  });

  it("allows only the characters of RFC 6749 §5.2 in error_description", () => {
    expect(isValidErrorDescription("The code has expired. Start the sign-in again.")).toBe(true);
    expect(isValidErrorDescription('The "code" parameter')).toBe(false);
    expect(isValidErrorDescription("a\\b")).toBe(false);
    expect(isValidErrorDescription("line\nbreak")).toBe(false);
    expect(isValidErrorDescription("café")).toBe(false);
  });
});
