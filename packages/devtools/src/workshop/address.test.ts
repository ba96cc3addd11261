import type { NetworkInterfaceInfo } from "node:os";
import { describe, expect, it } from "vitest";
import { checkRoomAddress, RoomAddressError, type Interfaces } from "./address.ts";

function info(address: string, internal = false): NetworkInterfaceInfo {
  const family = address.includes(":") ? "IPv6" : "IPv4";
  return { address, family, internal, netmask: "", mac: "00:00:00:00:00:00", cidr: null, ...(family === "IPv6" ? { scopeid: 0 } : {}) } as NetworkInterfaceInfo;
}

/** A laptop on a room's Wi-Fi, as os.networkInterfaces() describes it. */
const laptop: Interfaces = {
  lo: [info("127.0.0.1", true), info("::1", true)],
  wlan0: [info("192.168.1.20"), info("2001:db8::20"), info("fe80::1c2b:3ff:fe4d:5e6f")],
};

function refusal(host: string, resolved?: string[]): string {
  try {
    checkRoomAddress(host, laptop, resolved);
  } catch (error) {
    expect(error).toBeInstanceOf(RoomAddressError);
    return (error as Error).message;
  }
  throw new Error(`${host} was accepted`);
}

describe("the room's address", () => {
  it("is one of this machine's addresses on its networks", () => {
    expect(checkRoomAddress("192.168.1.20", laptop)).toEqual({ listen: "192.168.1.20", urlHost: "192.168.1.20", loopback: false });
  });

  it("may be IPv6, bracketed in its URLs and in WORKSHOP_HOST, given with or without brackets", () => {
    const expected = { listen: "2001:db8::20", urlHost: "[2001:db8::20]", loopback: false };
    expect(checkRoomAddress("2001:db8::20", laptop)).toEqual(expected);
    expect(checkRoomAddress("[2001:db8::20]", laptop)).toEqual(expected);
  });

  it("may be loopback, any 127.x.y.z, for a rehearsal on this machine alone", () => {
    expect(checkRoomAddress("127.0.0.2", laptop)).toEqual({ listen: "127.0.0.2", urlHost: "127.0.0.2", loopback: true });
  });

  it("may be a name of this machine: the apps listen on its IPv4 address, and the URLs keep the name", () => {
    expect(checkRoomAddress("Laptop.local", laptop, ["2001:db8::20", "192.168.1.20"])).toEqual({
      listen: "192.168.1.20",
      urlHost: "laptop.local",
      loopback: false,
    });
    expect(checkRoomAddress("localhost", laptop, ["::1", "127.0.0.1"])).toEqual({ listen: "127.0.0.1", urlHost: "localhost", loopback: true });
  });

  it("is refused when it is another machine's, with this machine's addresses to choose from", () => {
    const message = refusal("192.168.1.99");
    expect(message).toBe(
      "192.168.1.99 is not an address of this machine.\n" +
        "This machine's addresses on its networks: 192.168.1.20 (wlan0), 2001:db8::20 (wlan0).\n" +
        "Loopback, for a rehearsal on this machine alone: 127.0.0.1, ::1 (any 127.x.y.z).",
    );
  });

  it("is refused when it is a name of another machine, or of none", () => {
    expect(refusal("printer.local", ["192.168.1.50"])).toMatch(/^printer\.local is not a name of this machine: it resolves to 192\.168\.1\.50\.\nThis machine's addresses/);
    expect(refusal("nowhere.invalid", [])).toMatch(/^nowhere\.invalid is not a name of this machine: it resolves to no address\./);
  });

  it("is refused when a browser could not open it: every address at once, or link-local IPv6", () => {
    expect(refusal("0.0.0.0")).toMatch(/^0\.0\.0\.0 means every address of this machine, not one the room can open/);
    expect(refusal("::")).toMatch(/^:: means every address/);
    expect(refusal("fe80::1c2b:3ff:fe4d:5e6f")).toMatch(/is a link-local IPv6 address, which browsers cannot open from a URL/);
  });

  it("is refused when it is a URL or has a port, not an address", () => {
    expect(refusal("http://192.168.1.20")).toMatch(/^http:\/\/192\.168\.1\.20 is neither an IP address nor a host name/);
    expect(refusal("192.168.1.20:3000")).toMatch(/is neither an IP address nor a host name/);
  });
});
