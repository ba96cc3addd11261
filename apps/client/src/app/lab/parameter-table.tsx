/** Parameters of a message, one a row: its name, its value, and what it is for. */
export function ParameterTable({
  caption,
  parameters,
  meanings,
}: {
  caption: string;
  parameters: [name: string, value: string][];
  meanings: Record<string, string>;
}) {
  return (
    <table className="w-full table-fixed border-collapse text-left">
      <caption className="pb-2 text-left text-lg font-semibold text-muted">{caption}</caption>
      {/* Wide enough for the longest parameter name, and for a 43-character code or state on one line. */}
      <colgroup>
        <col className="w-64" />
        <col className="w-[42%]" />
        <col />
      </colgroup>
      <thead className="sr-only">
        <tr>
          <th scope="col">Parameter</th>
          <th scope="col">Value</th>
          <th scope="col">What it is for</th>
        </tr>
      </thead>
      <tbody>
        {parameters.map(([name, value]) => (
          <tr key={name} className="border-t-2 border-line align-top">
            <th scope="row" className="py-2 pr-4 font-mono text-lg font-bold">
              {name}
            </th>
            <td className="py-2.5 pr-4 font-mono text-base wrap-anywhere">{value}</td>
            <td className="py-2 text-lg text-muted">{Object.hasOwn(meanings, name) ? meanings[name] : ""}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
