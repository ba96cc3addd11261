/** A JSON body laid out for reading, or a text body as it is; focusable, as it may scroll, so that a keyboard can scroll it (WCAG 2.1.1). */
export function JsonBlock({ value }: { value: unknown }) {
  return (
    <pre
      tabIndex={0}
      className="max-h-[28rem] overflow-auto rounded-xl bg-slate-900 px-4 py-3 font-mono text-base leading-relaxed wrap-anywhere whitespace-pre-wrap text-slate-50"
    >
      {typeof value === "string" ? value : JSON.stringify(value, null, 2)}
    </pre>
  );
}
