import type { Role } from "@seven-steps/protocol";
import { roleDescriptions } from "@seven-steps/story";
import { roleStyle } from "./role-style.tsx";

/** A pill naming a role in its colour, for example "Authorization Server". */
export function RoleBadge({ role }: { role: Role }) {
  return (
    <span className={`inline-block rounded-full px-3 py-1 text-sm font-semibold ${roleStyle[role].solid}`}>
      {roleDescriptions[role].name}
    </span>
  );
}
