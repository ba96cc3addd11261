import { randomBytes, randomInt, randomUUID } from "node:crypto";
import { hashPassword } from "@/secrets/password-hash";
import { createMember } from "@/storage/users";

/**
 * A fresh PhotoCloud member for one run of the presenter's demo (`npm run demo`, in
 * packages/devtools), made by `npm run demo:member`. Nobody has used the account yet, so it has
 * allowed no client: PhotoCloud asks for consent at step 2 every time, as the audience should see.
 * The seeded demo users would skip the consent screen after their first demo.
 */

/** Friendly names for the screens the audience reads: the consent page names the member it asks. */
export const demoFirstNames = ["Dana", "Sam", "Priya", "Kofi", "Lena", "Mateo"] as const;

/** A demo member as the demo signs in with them: the password in clear, on its way to the demo only. */
export interface DemoMember {
  username: string;
  password: string;
  name: string;
}

/**
 * Creates a demo member: username `demo-` and six random hex digits, a random password of 144 bits
 * (24 base64url characters) stored only as its Argon2id hash (secrets/password-hash.ts), a display
 * name, and their album at the PhotoCloud API, in one transaction (storage/users.ts). Two runs
 * picking the same username (one chance in 16.7 million per existing demo member) fail at the
 * unique index, storing nothing; run it again.
 */
export async function createDemoMember(): Promise<DemoMember> {
  const username = `demo-${randomBytes(3).toString("hex")}`;
  const password = randomBytes(18).toString("base64url");
  const name = `${demoFirstNames[randomInt(demoFirstNames.length)]!} (demo)`;
  await createMember({ id: randomUUID(), username, name, passwordHash: await hashPassword(password) });
  return { username, password, name };
}
