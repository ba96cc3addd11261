import type { LabHttpAnswer } from "@/lab/http-request";
import { JsonBlock } from "./http-response-view";

/** An answer the lab received: status, the headers that matter to the protocol, and the body. */
export function AnswerView({ answer, note }: { answer: LabHttpAnswer; note?: string }) {
  const ok = answer.status >= 200 && answer.status < 300;
  const headers = Object.entries(answer.headers).filter(([name]) => name !== "content-type");
  return (
    <div className="space-y-2">
      <p className="flex flex-wrap items-center gap-3 text-xl">
        <span className={`rounded-md px-3 py-1 font-mono font-bold text-white ${ok ? "bg-pass-solid" : "bg-fail-solid"}`}>HTTP {answer.status}</span>
        {note ? <span className="text-muted">{note}</span> : null}
      </p>
      {headers.length > 0 ? (
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 font-mono text-lg">
          {headers.map(([name, value]) => (
            <div key={name} className="contents">
              <dt className="font-bold">{name}:</dt>
              <dd className="break-all">{value}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {answer.body === "" ? null : <JsonBlock value={answer.body} />}
    </div>
  );
}
