import "server-only";
import { findAttackRun, type RecordedExchange } from "@seven-steps/inspector";
import type { CheckRun } from "@seven-steps/protocol";
import { db } from "@/db";

/**
 * What the apps recorded of a run, for a phase whose outcome happened in alice's browser, out of
 * Mallory's sight (a frame the browser left empty, a page alice was shown): the exchanges of
 * `kind`, each with the check it ran for the RFC section `see`, if any. The records are the
 * servers' own, checks included; the lab reads them rather than guessing.
 */
export async function recordedExchanges(runId: string, kind: RecordedExchange["kind"], see: string): Promise<{ exchange: RecordedExchange; check?: CheckRun }[]> {
  const flow = await findAttackRun(db, runId);
  return (flow?.exchanges ?? [])
    .filter((exchange) => exchange.kind === kind)
    .map((exchange) => ({ exchange, check: exchange.checks.find((check) => check.see === see) }));
}
