import { describe, expect, it } from "vitest";
import { CheckTrail } from "../checks/check.ts";
import { checkAudience } from "./audience.ts";
import { InvalidToken } from "./errors.ts";

const api = "http://localhost:3002";
const mallorysApi = "http://localhost:3003/api/prints";

function refusal(run: () => void): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe("checkAudience (RFC 9068 §4, RFC 9700 §2.3)", () => {
  it("accepts a token whose aud is this API, alone or in a list", () => {
    const trail = new CheckTrail();
    checkAudience(trail, api, api);
    checkAudience(trail, [mallorysApi, api], api);
    expect(trail.runs.map((run) => run.outcome)).toEqual(["passed", "passed"]);
  });

  it("refuses a token meant for another API with invalid_token, and records the refusal", () => {
    const trail = new CheckTrail();
    const error = refusal(() => checkAudience(trail, mallorysApi, api));
    expect(error).toBeInstanceOf(InvalidToken);
    expect((error as InvalidToken).code).toBe("invalid_token");
    expect(trail.runs).toEqual([
      expect.objectContaining({ rule: "the token's aud names this API", outcome: "refused", detail: "invalid_token: The access token is meant for another resource server." }),
    ]);
  });

  it("refuses a token without aud, or with an aud that is not a string", () => {
    expect(refusal(() => checkAudience(new CheckTrail(), undefined, api))).toBeInstanceOf(InvalidToken);
    expect(refusal(() => checkAudience(new CheckTrail(), [42], api))).toBeInstanceOf(InvalidToken);
  });

  it("still refuses when the resource server says the audience check is not switched off", () => {
    const asked: string[] = [];
    const error = refusal(() =>
      checkAudience(new CheckTrail(), mallorysApi, api, (defence) => {
        asked.push(defence);
        return false;
      }),
    );
    expect(error).toBeInstanceOf(InvalidToken);
    expect(asked).toEqual(["audience"]);
  });

  it("lets a token meant for another API through when the attack lab switched the check off for the request", () => {
    const trail = new CheckTrail();
    checkAudience(trail, mallorysApi, api, (defence) => defence === "audience");
    expect(trail.runs.map((run) => run.outcome)).toEqual(["switched-off"]);
  });

  it("asks nothing of the switch for a token meant for this API", () => {
    checkAudience(new CheckTrail(), api, api, () => {
      throw new Error("the switch was consulted");
    });
  });
});
