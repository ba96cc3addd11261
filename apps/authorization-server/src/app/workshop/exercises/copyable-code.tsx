"use client";

import { useId, useRef, useState } from "react";

/**
 * A block of code with a Copy button. The Clipboard API exists only in secure contexts (https, or
 * localhost), and a workshop room often runs on plain http at a LAN address: there the code is
 * copied the old way, or, where that is refused too, selected for the attendee to copy.
 */
export function CopyableCode({ code, label }: { code: string; label: string }) {
  const pre = useRef<HTMLPreElement>(null);
  const [status, setStatus] = useState("");
  const statusId = useId();

  async function copy() {
    if (window.isSecureContext && navigator.clipboard) {
      try {
        await navigator.clipboard.writeText(code);
        return setStatus("Copied.");
      } catch {
        // Refused (no permission): select it instead, below.
      }
    }
    const selection = window.getSelection();
    if (!pre.current || !selection) return setStatus("Select the text and copy it.");
    const range = document.createRange();
    range.selectNodeContents(pre.current);
    selection.removeAllRanges();
    selection.addRange(range);
    // Deprecated, and still the one way to copy on a page served over plain http.
    const copied = document.execCommand?.("copy") ?? false;
    setStatus(copied ? "Copied." : "Selected: press Ctrl+C (⌘C on a Mac) to copy.");
  }

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-3">
        <button type="button" onClick={copy} aria-describedby={statusId} className="rounded-lg border-2 border-line bg-surface px-4 py-1.5 font-semibold">
          {label}
        </button>
        <span id={statusId} role="status" className="text-base text-muted">
          {status}
        </span>
      </div>
      <pre ref={pre} tabIndex={0} className="overflow-x-auto rounded-lg border-2 border-line bg-surface p-4 text-sm leading-relaxed">
        <code>{code}</code>
      </pre>
    </div>
  );
}
