import { describe, expect, it } from "vitest";
import { readDemoMember } from "./member.ts";

describe("demo:member's answer", () => {
  it("gives the member", () => {
    expect(readDemoMember('{"username":"demo-k3x9q2","password":"p","name":"Dana"}\n')).toEqual({ username: "demo-k3x9q2", password: "p", name: "Dana" });
  });

  it("says what is wrong with anything else", () => {
    expect(() => readDemoMember("Made demo-k3x9q2.")).toThrow("something other than JSON");
    expect(() => readDemoMember('{"username":"demo-k3x9q2"}')).toThrow("lacks the member's username, password or name");
  });
});
