// The fresh PhotoCloud member of one run, as the authorization server's demo:member script makes
// it (apps/authorization-server/scripts/demo-member.ts) and answers in JSON.
import type { DemoMember } from "./sign-in-story.ts";

export function readDemoMember(stdout: string): DemoMember {
  let answer: Partial<Record<keyof DemoMember, unknown>>;
  try {
    answer = JSON.parse(stdout) as typeof answer;
  } catch {
    throw new Error(`demo:member answered something other than JSON:\n${stdout}`);
  }
  const { username, password, name } = answer;
  if (typeof username !== "string" || typeof password !== "string" || typeof name !== "string") {
    throw new Error("demo:member's answer lacks the member's username, password or name.");
  }
  return { username, password, name };
}
