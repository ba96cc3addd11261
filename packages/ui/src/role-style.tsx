import type { Sender } from "@seven-steps/inspector";

/**
 * The Tailwind classes of each role's colour, and of Mallory's, the attacker of the attack lab.
 * Written out in full so that Tailwind finds them when it scans the sources.
 */
export const roleStyle: Record<Sender, { solid: string; soft: string; text: string; border: string }> = {
  user: {
    solid: "bg-role-user-solid text-white",
    soft: "bg-role-user-soft",
    text: "text-role-user",
    border: "border-role-user",
  },
  client: {
    solid: "bg-role-client-solid text-white",
    soft: "bg-role-client-soft",
    text: "text-role-client",
    border: "border-role-client",
  },
  "authorization-server": {
    solid: "bg-role-authorization-server-solid text-white",
    soft: "bg-role-authorization-server-soft",
    text: "text-role-authorization-server",
    border: "border-role-authorization-server",
  },
  "resource-server": {
    solid: "bg-role-resource-server-solid text-white",
    soft: "bg-role-resource-server-soft",
    text: "text-role-resource-server",
    border: "border-role-resource-server",
  },
  attacker: {
    solid: "bg-role-attacker-solid text-white",
    soft: "bg-role-attacker-soft",
    text: "text-role-attacker",
    border: "border-role-attacker",
  },
};
