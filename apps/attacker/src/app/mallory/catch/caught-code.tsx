"use client";

import { useEffect, useState } from "react";

/** What Mallory's catching page hands the lab's tab: the code that arrived, and the run it is for (its `state`). */
export interface MallorysCatch {
  type: "mallory-catch";
  runId: string;
  code?: string;
  error?: string;
}

let handedOver = false;

/** Hands what arrived in the address bar to the lab's tab, and says what happened. */
async function handOver(): Promise<string> {
  const query = new URLSearchParams(window.location.search);
  const caught: MallorysCatch = {
    type: "mallory-catch",
    runId: query.get("state") ?? "",
    code: query.get("code") ?? undefined,
    error: query.get("error") ?? undefined,
  };
  window.history.replaceState(null, "", `${window.location.pathname}?attack-run=${encodeURIComponent(caught.runId)}`);
  if (!window.opener) return "The attack lab's tab is gone: run the attack again from the lab.";
  (window.opener as Window).postMessage(caught, window.location.origin);
  window.close();
  return caught.code ? "Mallory caught alice's code." : `Nothing to catch: ${caught.error ?? "no code"}.`;
}

/**
 * Mallory's page at her bent redirect URI (attack 3): whatever PhotoCloud sends here is hers. It
 * hands the code to the lab's tab, which asks her server to redeem it.
 */
export function CaughtCode() {
  const [words, setWords] = useState("Waiting for PhotoCloud…");
  useEffect(() => {
    // Once per page load: React's development mode runs effects twice.
    if (handedOver) return;
    handedOver = true;
    void handOver().then(setWords);
  }, []);
  return <p role="status">{words}</p>;
}
