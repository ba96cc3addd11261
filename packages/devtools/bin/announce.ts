// Waits until the four apps answer, then prints where they are and how to sign in.
// Turbo runs it next to the apps in `npm run dev` and `npm start`.
import { attackerPort, demoPorts, roleDescriptions, weakDemoClientId } from "@seven-steps/story";
import { demoUsers } from "@seven-steps/db/demo-data";
import { waitUntilAnswering } from "../src/wait.ts";

const apps: { name: string; url: string; note?: string }[] = [
  { name: roleDescriptions.client.name, url: `http://localhost:${demoPorts.client}`, note: "start here" },
  { name: roleDescriptions["authorization-server"].name, url: `http://localhost:${demoPorts["authorization-server"]}` },
  { name: roleDescriptions["resource-server"].name, url: `http://localhost:${demoPorts["resource-server"]}` },
  // Mallory, the fifth protagonist: no role of OAuth, the attack lab's attacker.
  { name: "Attacker", url: `http://localhost:${attackerPort}`, note: "the attack lab" },
];

const failures = await Promise.all(apps.map((app) => waitUntilAnswering(app.url, { timeoutMilliseconds: 300_000 })));
const lines = apps.map((app, index) => {
  const label = app.name.padEnd(22);
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
