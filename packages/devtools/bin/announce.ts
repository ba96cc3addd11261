// Waits until the three apps answer, then prints where they are and how to sign in.
// Turbo runs it next to the apps in `npm run dev` and `npm start`.
import type { Role } from "@seven-steps/protocol";
import { demoPorts, roleDescriptions, weakDemoClientId } from "@seven-steps/story";
import { demoUsers } from "@seven-steps/db/demo-data";
import { waitUntilAnswering } from "../src/wait.ts";

const apps: { role: Role; url: string; note?: string }[] = [
  { role: "client", url: `http://localhost:${demoPorts.client}`, note: "start here" },
  { role: "authorization-server", url: `http://localhost:${demoPorts["authorization-server"]}` },
  { role: "resource-server", url: `http://localhost:${demoPorts["resource-server"]}` },
];

const failures = await Promise.all(apps.map((app) => waitUntilAnswering(app.url, { timeoutMilliseconds: 300_000 })));
const lines = apps.map((app, index) => {
  const label = roleDescriptions[app.role].name.padEnd(22);
  const status = failures[index] ? `not answering (${failures[index]})` : (app.note ?? "");
  return `   ${label} ${app.url}   ${status}`;
});
const accounts = demoUsers.map((user) => `${user.username} / ${user.password}`).join(", ");
// The apps validate the variable themselves; this only repeats, where the URLs are, what their
// red banner says.
const weakening =
  process.env.ATTACK_LAB_WEAKENING === "true"
    ? [`   ATTACK_LAB_WEAKENING=true: the attack lab may switch defences off, for the client ${weakDemoClientId} and per request`]
    : [];

console.info(
  [
    "",
    "  ── OAuth 2 in seven steps ─────────────────────────────────────────",
    `   ${roleDescriptions.user.name.padEnd(22)} you, in your browser`,
    ...lines,
    "",
    `   Demo accounts (username / password): ${accounts}`,
    ...weakening,
    "  ───────────────────────────────────────────────────────────────────",
    "",
  ].join("\n"),
);
