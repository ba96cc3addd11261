/** An HTTP answer: its status, and its JSON body laid out for reading. */
export function HttpResponseView({ status, body, note }: { status: number; body: unknown; note?: string }) {
  const ok = status >= 200 && status < 300;
  return (
    <div className="space-y-2">
      <p className="flex flex-wrap items-center gap-3 text-xl">
        <span className={`rounded-md px-3 py-1 font-mono font-bold text-white ${ok ? "bg-green-700" : "bg-red-700"}`}>HTTP {status}</span>
        {note ? <span className="text-muted">{note}</span> : null}
      </p>
      <JsonBlock value={body} />
    </div>
  );
}

export function JsonBlock({ value }: { value: unknown }) {
  return (
    <pre className="max-h-[28rem] overflow-auto rounded-xl bg-slate-900 px-4 py-3 font-mono text-base leading-relaxed wrap-anywhere whitespace-pre-wrap text-slate-50">
      {typeof value === "string" ? value : JSON.stringify(value, null, 2)}
    </pre>
  );
}
