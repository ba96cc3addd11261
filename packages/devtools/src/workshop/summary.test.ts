import { describe, expect, it } from "vitest";
import { describeWorkshop, type WorkshopSummary } from "./summary.ts";

const summary: WorkshopSummary = {
  room: { listen: "192.168.1.20", urlHost: "192.168.1.20", loopback: false },
  portBase: 3000,
  code: "k7m2-q9xp",
  instructor: { username: "instructor", password: { generated: "plum-7-tiger-sofa" } },
  qrCode: "█▀▀▀█\n█▄▄▄█\n",
  logsFolder: "/repo/packages/devtools/.data/workshop-3000/logs",
  interfaces: {},
};

describe("what npm run workshop prints once the apps answer", () => {
  it("lists each app at the room's address", () => {
    const text = describeWorkshop(summary);
    expect(text).toMatch(/PhotoCloud Accounts +http:\/\/192\.168\.1\.20:3001 +join page, exercises, the room's dashboard/);
    expect(text).toMatch(/PhotoCloud API +http:\/\/192\.168\.1\.20:3002 /);
    expect(text).toMatch(/PrintShop +http:\/\/192\.168\.1\.20:3000 /);
    expect(text).toMatch(/Mallory's Prints +http:\/\/192\.168\.1\.20:3003 +the attack lab/);
    expect(text).toContain("Logs                /repo/packages/devtools/.data/workshop-3000/logs");
    expect(text).toContain("anyone on it can read what is sent");
  });

  it("gives the instructor the dashboard and the sign-in, above what the room is shown", () => {
    const text = describeWorkshop(summary);
    expect(text).toContain("Dashboard           http://192.168.1.20:3001/workshop/room");
    expect(text).toContain("Sign in as          instructor");
    expect(text).toContain("Password            plum-7-tiger-sofa   (made for this room and shown this once: note it now)");
    const forTheRoom = text.slice(text.indexOf("For the room"));
    expect(forTheRoom).not.toContain("plum-7-tiger-sofa");
    expect(forTheRoom).toContain("Join link           http://192.168.1.20:3001/workshop/join?code=k7m2-q9xp");
    expect(forTheRoom).toContain("Workshop code       k7m2-q9xp");
    expect(forTheRoom).toContain("   █▀▀▀█\n   █▄▄▄█\n");
  });

  it("never prints a password it was not the first to show", () => {
    expect(describeWorkshop({ ...summary, instructor: { username: "instructor", password: "from-environment" } })).toContain(
      "Password            the one in WORKSHOP_INSTRUCTOR_PASSWORD",
    );
    expect(describeWorkshop({ ...summary, instructor: { username: "instructor", password: "unchanged" } })).toContain(
      "Password            unchanged since the room was first opened (WORKSHOP_INSTRUCTOR_PASSWORD sets a new one)",
    );
  });

  it("puts an IPv6 room's address in brackets, and escapes the code in the join link", () => {
    const text = describeWorkshop({ ...summary, room: { listen: "2001:db8::20", urlHost: "[2001:db8::20]", loopback: false }, code: "Day One" });
    expect(text).toContain("http://[2001:db8::20]:3001/workshop/join?code=Day%20One");
  });

  it("on a loopback address, says that only this machine can open the URLs, and lists the room's candidates", () => {
    const text = describeWorkshop({
      ...summary,
      room: { listen: "127.0.0.2", urlHost: "127.0.0.2", loopback: true },
      interfaces: { wlan0: [{ address: "192.168.1.20", family: "IPv4", internal: false, netmask: "255.255.255.0", mac: "", cidr: null }] },
    });
    expect(text).toContain("127.0.0.2 is a loopback address: only this machine can open these URLs.");
    expect(text).toContain("This machine's addresses on its networks: 192.168.1.20 (wlan0).");
    expect(describeWorkshop(summary)).not.toContain("loopback");
  });
});
