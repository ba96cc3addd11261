"use client";

import type { RecordedExchange } from "@seven-steps/inspector";
import { roleDescriptions } from "@seven-steps/story";
import { senderDescriptions } from "./senders.ts";

function Fields({ title, fields }: { title: string; fields: Record<string, string> | null }) {
  if (!fields || Object.keys(fields).length === 0) return null;
  return (
    <div>
      <h5 className="font-semibold">{title}</h5>
      <table className="w-full text-left font-mono text-base">
        <tbody>
          {Object.entries(fields).map(([name, value]) => (
            <tr key={name} className="border-b border-line align-top">
              <th scope="row" className="py-0.5 pr-3 font-normal text-muted">
                {name}
              </th>
              <td className="py-0.5 break-all">{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** One recorded HTTP exchange: the request and the response, secrets shown as they were stored, masked. */
export function MessageView({ exchange }: { exchange: RecordedExchange }) {
  const url = new URL(exchange.url, "http://relative.invalid");
  const query = Object.fromEntries(url.searchParams);
  return (
    <article aria-label={`${exchange.method} ${url.pathname}`} className="grid gap-4 lg:grid-cols-2">
      <section className="space-y-2 rounded-lg border-2 border-line p-3">
        <h4 className="font-bold">
          Request: {senderDescriptions[exchange.from].name} → {roleDescriptions[exchange.to].name}
        </h4>
        <p className="font-mono text-base break-all">
          {exchange.method} {url.origin === "http://relative.invalid" ? "" : url.origin}
          {url.pathname}
        </p>
        <Fields title="Query parameters" fields={Object.keys(query).length > 0 ? query : null} />
        <Fields title="Headers" fields={exchange.requestHeaders} />
        <Fields title="Form parameters" fields={exchange.method === "GET" ? null : exchange.requestBody} />
      </section>
      <section className="space-y-2 rounded-lg border-2 border-line p-3">
        <h4 className="font-bold">
          Response: {exchange.status} from {roleDescriptions[exchange.to].name}
        </h4>
        <Fields title="Headers" fields={exchange.responseHeaders} />
        {exchange.responseBody !== null ? (
          // Focusable, as it may scroll: a keyboard can then scroll it too (WCAG 2.1.1).
          <pre tabIndex={0} className="max-h-64 overflow-auto rounded-lg bg-paper p-3 text-base">
            {JSON.stringify(exchange.responseBody, null, 2)}
          </pre>
        ) : null}
      </section>
    </article>
  );
}
