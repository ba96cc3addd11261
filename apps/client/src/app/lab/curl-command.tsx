"use client";

import { useRef, useState } from "react";

/** A curl command, exact and copyable, for the learner to replay the request in a terminal. */
export function CurlCommand({ command }: { command: string }) {
  const commandRef = useRef<HTMLPreElement>(null);
  const [status, setStatus] = useState("");

  async function copy() {
    try {
      await navigator.clipboard.writeText(command);
      setStatus("Copied to the clipboard.");
    } catch {
      // No clipboard here (permission refused, or an insecure origin): select the text instead,
      // so that one keystroke copies it.
      const selection = window.getSelection();
      if (commandRef.current && selection) selection.selectAllChildren(commandRef.current);
      setStatus("Selected: press Ctrl+C (⌘C on a Mac) to copy.");
    }
  }

  return (
    <div className="overflow-hidden rounded-xl bg-slate-900">
      <div className="flex items-center gap-4 border-b border-slate-700 px-4 py-2">
        <p className="font-semibold text-slate-200">The same request with curl</p>
        <p role="status" className="text-base text-green-300">
          {status}
        </p>
        <button
          type="button"
          onClick={copy}
          className="ml-auto rounded-lg bg-white px-4 py-1.5 text-lg font-semibold text-slate-900 hover:bg-slate-200"
        >
          Copy curl command
        </button>
      </div>
      <pre ref={commandRef} className="px-4 py-3 font-mono text-base leading-relaxed break-all whitespace-pre-wrap text-slate-50">
        {command}
      </pre>
    </div>
  );
}
