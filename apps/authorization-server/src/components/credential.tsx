/** A value to copy into a program or a sign-in form, large enough to read from the back of the room. */
export function Credential({ label, value }: { label: string; value: string }) {
  return (
    <div className="space-y-1">
      <p className="font-mono text-base text-muted">{label}</p>
      <p className="rounded-lg border-2 border-line bg-surface px-4 py-2 font-mono text-xl font-semibold break-all select-all">{value}</p>
    </div>
  );
}
