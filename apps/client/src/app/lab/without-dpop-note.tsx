import { withoutDpopNote } from "@/lab/secure-context";

/**
 * Said once, near the top of each lab page, where the lab runs without DPoP: why, and how to see
 * it. Nothing in a secure context.
 */
export function WithoutDpopNote() {
  const note = withoutDpopNote();
  if (note === undefined) return null;
  return (
    <p role="note" className="max-w-4xl rounded-xl border-2 border-line bg-surface px-5 py-4 text-xl">
      {note}
    </p>
  );
}
