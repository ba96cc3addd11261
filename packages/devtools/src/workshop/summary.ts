// What `npm run workshop` prints once every app answers: where each app runs, the instructor's
// own way in, and last, at the bottom of the terminal, what to project for the room. The
// instructor's password is above it, apart, so that a projected terminal need not show it.
import { describeMachineAddresses, type Interfaces } from "./address.ts";
import { appUrl, dashboardUrl, joinLink, workshopApps, type WorkshopPlace } from "./layout.ts";
import type { InstructorPassword } from "./room-setup.ts";

export interface WorkshopSummary extends WorkshopPlace {
  code: string;
  /** The instructor's account, made or kept by the authorization server's workshop:setup. */
  instructor: { username: string; password: InstructorPassword };
  /** The join link as a QR code, drawn with characters for the terminal. */
  qrCode: string;
  /** Where each app's output goes. */
  logsFolder: string;
  /** This machine's interfaces, listed when the room's address is loopback (a rehearsal). */
  interfaces: Interfaces;
}

const rule = "  ────────────────────────────────────────────────────────────────────────────────";

export function describeWorkshop(summary: WorkshopSummary): string {
  const link = joinLink(summary, summary.code);
  const apps = workshopApps.map((app) => `   ${app.label.padEnd(19)} ${appUrl(app, summary).padEnd(28)} ${app.note}`);
  const rehearsal = summary.room.loopback
    ? [
        `   ${summary.room.urlHost} is a loopback address: only this machine can open these URLs. For the room,`,
        "   start again with --host and this machine's address on the room's network.",
        ...describeMachineAddresses(summary.interfaces)
          .split("\n")
          .map((line) => `   ${line}`),
        "",
      ]
    : [];
  const { instructor } = summary;
  return [
    "",
    "  ── OAuth 2 in seven steps: the workshop ─────────────────────────────────────────",
    ...apps,
    "",
    ...rehearsal,
    "   Plain http on the room's network: anyone on it can read what is sent. Every page says so;",
    "   attendees use the accounts the join page gives them, never a real password.",
    `   Logs                ${summary.logsFolder}`,
    "   Ctrl-C stops everything.",
    "",
    "  ── For you alone: the room's dashboard ──────────────────────────────────────────",
    `   Dashboard           ${dashboardUrl(summary)}`,
    `   Sign in as          ${instructor.username}`,
    `   Password            ${describePassword(instructor.password)}`,
    "",
    "  ── For the room: project this, from here down ───────────────────────────────────",
    `   Join link           ${link}`,
    `   Workshop code       ${summary.code}`,
    "",
    ...summary.qrCode
      .trimEnd()
      .split("\n")
      .map((line) => `   ${line}`),
    rule,
    "",
  ].join("\n");
}

function describePassword(password: InstructorPassword): string {
  if (password === "from-environment") return "the one in WORKSHOP_INSTRUCTOR_PASSWORD";
  if (password === "unchanged") return "unchanged since the room was first opened (WORKSHOP_INSTRUCTOR_PASSWORD sets a new one)";
  return `${password.generated}   (made for this room and shown this once: note it now)`;
}
