// The room's address: the one `npm run workshop -- --host <address>` serves the apps at. It must
// be this machine's (the apps listen on it, and nowhere else), and one a browser can open.
import { workshopHost } from "@seven-steps/config/workshop";
import { lookup } from "node:dns/promises";
import net from "node:net";
import { networkInterfaces, type NetworkInterfaceInfo } from "node:os";

/** Why the address given cannot be the room's, with this machine's addresses to choose from. */
export class RoomAddressError extends Error {
  override readonly name = "RoomAddressError";
}

export interface RoomAddress {
  /** The IP address the apps listen on. */
  listen: string;
  /** The host of every URL, and WORKSHOP_HOST: the name or address given, an IPv6 address in brackets. */
  urlHost: string;
  /** A loopback address: the room cannot reach it, only this machine (a rehearsal, or the tests). */
  loopback: boolean;
}

export type Interfaces = NodeJS.Dict<NetworkInterfaceInfo[]>;

function isLoopbackAddress(address: string): boolean {
  return /^(::ffff:)?127(\.\d{1,3}){3}$/.test(address) || address === "::1";
}

/** fe80::/10: an IPv6 address valid on one link, which a URL cannot name without its zone. */
function isLinkLocalIpv6(address: string): boolean {
  return net.isIPv6(address) && /^fe[89ab]/i.test(address);
}

/** This machine's addresses, as a list to choose from: the room's network first, loopback last. */
export function describeMachineAddresses(interfaces: Interfaces): string {
  const entries = Object.entries(interfaces).flatMap(([name, infos]) =>
    (infos ?? []).filter((info) => !isLinkLocalIpv6(info.address)).map((info) => ({ name, ...info })),
  );
  const reachable = entries.filter((entry) => !entry.internal).map((entry) => `${entry.address} (${entry.name})`);
  const loopback = entries.filter((entry) => entry.internal).map((entry) => entry.address);
  const lines = [
    reachable.length > 0 ? `This machine's addresses on its networks: ${reachable.join(", ")}.` : "This machine is on no network but its own.",
  ];
  if (loopback.length > 0) lines.push(`Loopback, for a rehearsal on this machine alone: ${loopback.join(", ")} (any 127.x.y.z).`);
  return lines.join("\n");
}

function isThisMachines(address: string, interfaces: Interfaces): boolean {
  return isLoopbackAddress(address) || Object.values(interfaces).some((infos) => (infos ?? []).some((info) => info.address === address));
}

/**
 * Checks that `host` is an address of this machine (or a name that resolves to one, given in
 * `resolved`) which a browser in the room can open, and says what the apps listen on and what
 * their URLs name. Pure: the interfaces and the name's addresses are given, so that it can be
 * tested with any machine's.
 */
export function checkRoomAddress(host: string, interfaces: Interfaces, resolved: readonly string[] = []): RoomAddress {
  const address = host.replace(/^\[(.*)\]$/, "$1");
  const choose = `\n${describeMachineAddresses(interfaces)}`;
  if (net.isIP(address) !== 0) {
    if (address === "0.0.0.0" || address === "::") {
      throw new RoomAddressError(`${host} means every address of this machine, not one the room can open: give the one it reaches.${choose}`);
    }
    if (isLinkLocalIpv6(address)) {
      throw new RoomAddressError(`${host} is a link-local IPv6 address, which browsers cannot open from a URL: give another.${choose}`);
    }
    if (!isThisMachines(address, interfaces)) throw new RoomAddressError(`${host} is not an address of this machine.${choose}`);
    const urlHost = net.isIPv6(address) ? `[${address}]` : address;
    return { listen: address, urlHost, loopback: isLoopbackAddress(address) };
  }
  if (!workshopHost.safeParse(host).success) {
    throw new RoomAddressError(`${host} is neither an IP address nor a host name (letters, digits, dashes and dots).${choose}`);
  }
  const own = resolved.filter((candidate) => isThisMachines(candidate, interfaces) && !isLinkLocalIpv6(candidate));
  if (own.length === 0) {
    const found = resolved.length > 0 ? `it resolves to ${resolved.join(", ")}` : "it resolves to no address";
    throw new RoomAddressError(`${host} is not a name of this machine: ${found}.${choose}`);
  }
  // The room's browsers resolve the name too; IPv4 first, which every network carries.
  const listen = own.find((candidate) => net.isIPv4(candidate)) ?? own[0]!;
  return { listen, urlHost: host.toLowerCase(), loopback: own.every(isLoopbackAddress) };
}

/** {@link checkRoomAddress} with this machine's interfaces, resolving a host name first. */
export async function findRoomAddress(host: string): Promise<RoomAddress> {
  const address = host.replace(/^\[(.*)\]$/, "$1");
  let resolved: string[] = [];
  if (net.isIP(address) === 0 && workshopHost.safeParse(host).success) {
    try {
      resolved = (await lookup(host, { all: true })).map((entry) => entry.address);
    } catch {
      // Unresolvable: checkRoomAddress says so, with the addresses to choose from.
    }
  }
  return checkRoomAddress(host, networkInterfaces(), resolved);
}
