"use client";

import type { RecordedExchange } from "@seven-steps/inspector";
import { roleDescriptions } from "@seven-steps/story";
import { useId } from "react";
import { DpopProofView } from "../dpop-proof-view.tsx";
import { CheckList } from "./check-list.tsx";
import { MessageView } from "./message-view.tsx";
import { describeMalloryMessage, senderDescriptions } from "./senders.ts";

/**
 * One of Mallory's messages in detail: the checks the receiving server ran on it, the one that
 * refused her last, and the message itself, as recorded by the server she sent it to.
 */
export function MalloryMessage({ exchange, sourceUrl }: { exchange: RecordedExchange; sourceUrl: string }) {
  const headingId = useId();
  const { request, answer } = describeMalloryMessage(exchange);
  const receiver = roleDescriptions[exchange.to].name;
  return (
    <section aria-labelledby={headingId} className="space-y-4 rounded-xl border-2 border-role-attacker bg-surface p-5">
      <div>
        <h2 id={headingId} className="text-2xl font-bold">
          Mallory&apos;s message: {request}
        </h2>
        <p className="text-lg">
          {senderDescriptions.attacker.name} → {receiver}, answered {answer}. Recorded by the{" "}
          {roleDescriptions[exchange.recordedBy].name.toLowerCase()} at {new Date(exchange.at).toLocaleTimeString("en-GB")}.
        </p>
      </div>

      <div>
        <h3 className="text-xl font-bold">What was checked, and why</h3>
        {exchange.checks.length > 0 ? (
          <>
            <p className="text-lg">
              The {receiver.toLowerCase()} ran these checks on <code>{request}</code>, in this order:
            </p>
            <CheckList exchange={exchange} sourceUrl={sourceUrl} />
          </>
        ) : (
          <p className="text-lg text-muted">No checks were recorded for this message.</p>
        )}
      </div>

      <div className="space-y-2">
        <h3 className="text-xl font-bold">The message</h3>
        <MessageView exchange={exchange} />
        {exchange.requestHeaders.dpop ? (
          <DpopProofView proof={exchange.requestHeaders.dpop} title={`The DPoP proof of ${request}, decoded`} />
        ) : null}
      </div>
    </section>
  );
}
