import { roles } from "@seven-steps/protocol";
import { describe, expect, it } from "vitest";
import { demoPorts, roleDescriptions } from "./cast.ts";

describe("the cast", () => {
  it("names every role", () => {
    expect(Object.keys(roleDescriptions).sort()).toEqual([...roles].sort());
    expect(roleDescriptions["authorization-server"].name).toBe("Authorization Server");
  });

  it("says on which demo port each app plays its role", () => {
    expect(roleDescriptions.client.playedBy).toBe("PrintShop, a photo-printing shop, on port 3000");
    expect(roleDescriptions["authorization-server"].playedBy).toBe("PhotoCloud Accounts, on port 3001");
    expect(roleDescriptions["resource-server"].playedBy).toBe("The PhotoCloud API, on port 3002");
    expect(Object.values(demoPorts)).toEqual([3000, 3001, 3002]);
  });
});
