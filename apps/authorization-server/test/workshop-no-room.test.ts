// A server that runs no workshop: no room was set up, so every workshop page and route answers
// "This server runs no workshop" with a 404, and a reset finds nothing to reset.
import { describe, expect, it } from "vitest";
import { POST as resetEndpoint } from "@/app/workshop/room/reset/route";
import { db } from "@/db";
import { NoWorkshopRoom, resetRoom } from "@/workshop/reset";
import { formRequest, signIn } from "./fixtures.ts";
import { getJoinPage, joinForm, postJoin } from "./workshop-fixtures.ts";

async function expectNoWorkshop(response: Response): Promise<void> {
  expect(response.status).toBe(404);
  expect(response.headers.get("content-type")).toMatch(/^text\/html/);
  expect(await response.text()).toContain("This server runs no workshop");
}

describe("without a workshop room", () => {
  it("the join page says this server runs no workshop", async () => {
    await expectNoWorkshop(await getJoinPage("?code=any-code"));
    await expectNoWorkshop(await getJoinPage());
  });

  it("joining says so too, and stores nothing", async () => {
    const users = await db.user.count();

    await expectNoWorkshop(await postJoin(joinForm("Ada Lovelace")));

    expect(await db.user.count()).toBe(users);
  });

  it("the reset route says so, whoever asks", async () => {
    await expectNoWorkshop(await resetEndpoint(formRequest("/workshop/room/reset", { confirm: "reset" }, { cookie: await signIn() })));
  });

  it("a reset finds no room", async () => {
    await expect(resetRoom("new-code")).rejects.toThrow(NoWorkshopRoom);
    expect(await db.workshopRoom.count()).toBe(0);
  });
});
