import { discoveryStep, rfcSectionLabel, steps, type CheckRun, type Role } from "@seven-steps/protocol";
import { attackerDescription, roleDescriptions } from "@seven-steps/story";
import type { Flow, RecordedExchange } from "./flows.ts";

const participants: Record<Role, string> = {
  user: "U",
  client: "C",
  "authorization-server": "AS",
  "resource-server": "RS",
};

/** The first exchange of the protagonists that carries a step: what the seven-step diagram shows for it. */
export function exchangeOfStep(flow: Flow, step: number): RecordedExchange | undefined {
  return flow.exchanges.find((exchange) => exchange.from !== "attacker" && exchange.steps.includes(step));
}

function codeBlock(language: string, value: unknown): string {
  return ["```" + language, typeof value === "string" ? value : JSON.stringify(value, null, 2), "```"].join("\n");
}

const outcomeMarks: Record<CheckRun["outcome"], string> = {
  passed: "passed",
  refused: "**refused**",
  failed: "could not finish",
  "switched-off": "**switched off by the attack lab**",
};

function describeCheck(check: CheckRun): string {
  const detail = check.detail ? ` (${check.detail})` : "";
  return `${check.rule}: ${outcomeMarks[check.outcome]}${detail}. ${rfcSectionLabel(check.see)}, \`${check.source}\``;
}

function describeExchange(exchange: RecordedExchange): string {
  const lines = [
    `**${exchange.method} ${exchange.url}** → ${exchange.status}, recorded by the ${roleDescriptions[exchange.recordedBy].name.toLowerCase()} at ${exchange.at}`,
    "",
  ];
  if (Object.keys(exchange.requestHeaders).length > 0) lines.push("Request headers:", "", codeBlock("json", exchange.requestHeaders), "");
  if (exchange.requestBody) lines.push("Request parameters:", "", codeBlock("json", exchange.requestBody), "");
  if (exchange.checks.length > 0) {
    const by = roleDescriptions[exchange.to].name.toLowerCase();
    lines.push(`Checked by the ${by}, in this order:`, "", ...exchange.checks.map((check, index) => `${index + 1}. ${describeCheck(check)}`), "");
  }
  if (Object.keys(exchange.responseHeaders).length > 0) lines.push("Response headers:", "", codeBlock("json", exchange.responseHeaders), "");
  if (exchange.responseBody !== null) lines.push("Response body:", "", codeBlock("json", exchange.responseBody), "");
  return lines.join("\n");
}

/**
 * A flow as a Markdown handout for workshop notes: the seven-step sequence as a Mermaid diagram,
 * then every recorded message, secrets masked as they were stored. Mallory's messages, if any
 * (the attack lab), get a participant and a section of their own, apart from the seven steps.
 */
export function flowHandout(flow: Flow): string {
  const mallory = flow.exchanges.filter((exchange) => exchange.from === "attacker");
  const protagonists = flow.exchanges.filter((exchange) => exchange.from !== "attacker");
  const discovery = protagonists.filter((exchange) => exchange.steps.includes(0));
  const diagram = [
    "sequenceDiagram",
    ...(["user", "client", "authorization-server", "resource-server"] as const).map(
      (role) => `  participant ${participants[role]} as ${roleDescriptions[role].name}`,
    ),
    ...(mallory.length > 0 ? [`  participant M as ${attackerDescription.name}`] : []),
    ...(discovery.length > 0
      ? [`  ${participants[discoveryStep.from]}->>${participants[discoveryStep.to]}: 0. ${discoveryStep.title} (before the seven steps)`]
      : []),
    ...steps.map((step) => {
      const arrow = step.channel === "front-channel" ? "-->>" : "->>";
      const happened = exchangeOfStep(flow, step.number) ? "" : " (did not happen)";
      const via = step.via ? " (through the browser)" : "";
      return `  ${participants[step.from]}${arrow}${participants[step.to]}: ${step.number}. ${step.title}${via}${happened}`;
    }),
    ...mallory.map((exchange) => `  M->>${participants[exchange.to]}: ${exchange.method} ${new URL(exchange.url, "http://relative.invalid").pathname}, ${exchange.status}`),
  ];

  const sections = steps.map((step) => {
    const carriers = protagonists.filter((exchange) => exchange.steps.includes(step.number)).slice(0, 2);
    const body = carriers.length > 0 ? carriers.map(describeExchange).join("\n") : "_This step did not happen in this flow._\n";
    return [`### ${step.number}. ${step.title}`, "", step.description, "", body].join("\n");
  });

  const before =
    discovery.length > 0
      ? [
          `## Before the seven steps: 0. ${discoveryStep.title}`,
          "",
          discoveryStep.description,
          "",
          "_Linked to this flow by a guess: these messages came from the same browser (address and User-Agent) in the two minutes before step 1. Discovery belongs to the client, not to a flow._",
          "",
          ...discovery.map(describeExchange),
        ]
      : [];
  const mallorysMessages =
    mallory.length > 0 ? ["## Mallory's messages", "", `Sent by ${attackerDescription.playedBy}.`, "", ...mallory.map(describeExchange)] : [];
  const firstPass = new Set([...discovery, ...steps.map((step) => exchangeOfStep(flow, step.number))]);
  const afterwards = protagonists.filter((exchange) => !firstPass.has(exchange));
  return [
    "# How this sign-in worked",
    "",
    `Flow \`${flow.id}\`, first message at ${flow.exchanges[0]?.at ?? "?"}. Secrets are masked; access tokens are shown without their signature, so none of them can be used.`,
    "",
    "```mermaid",
    ...diagram,
    "```",
    "",
    ...before,
    "## The seven steps",
    "",
    ...sections,
    ...mallorysMessages,
    "## Everything, in order",
    "",
    ...flow.exchanges.map(
      (exchange) =>
        `- ${exchange.at}: ${exchange.from === "attacker" ? "Mallory's " : ""}${exchange.kind} (steps ${exchange.steps.join(" and ")}), ${exchange.method} ${exchange.url} → ${exchange.status}`,
    ),
    "",
    afterwards.length > 0 ? `${afterwards.length} message(s) came after the first pass through the steps: reloads and refreshes.` : "",
    "",
  ].join("\n");
}
