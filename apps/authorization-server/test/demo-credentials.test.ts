// The seed (prisma/seed.ts) stores the demo credentials with this server's hashes. The README lists
// them, so each must pass the check the server makes at sign-in and at the token endpoint.
import { demoClient, demoResourceServerClient, demoUsers } from "@seven-steps/db/demo-data";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { verifyPassword } from "@/secrets/password-hash";
import { verifySecret } from "@/secrets/secret-hash";

describe("the seeded demo credentials", () => {
  it("lets each demo user's password match the stored hash", async () => {
    for (const demoUser of demoUsers) {
      const user = await db.user.findUniqueOrThrow({ where: { username: demoUser.username } });
      expect(await verifyPassword(demoUser.password, user.passwordHash)).toBe(true);
    }
  });

  it("lets PrintShop's and the PhotoCloud API's secrets match their stored hashes", async () => {
    for (const demo of [demoClient, demoResourceServerClient]) {
      const client = await db.client.findUniqueOrThrow({ where: { id: demo.id } });
      expect(verifySecret(demo.secret, client.secretHash ?? "")).toBe(true);
    }
  });
});
