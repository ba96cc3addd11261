import { describeDpopProof, type ProofEntry } from "./dpop-proof.ts";

function Entries({ label, entries }: { label: string; entries: ProofEntry[] }) {
  return (
    <section aria-label={label}>
      <h5 className="font-bold">{label.replace(/^DPoP proof /, "").replace(/^./, (first) => first.toUpperCase())}</h5>
      <table className="w-full table-fixed text-left text-base">
        <colgroup>
          <col className="w-24" />
          <col className="w-[45%]" />
          <col />
        </colgroup>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.name} className="border-b border-line align-top">
              <th scope="row" className="py-1 pr-3 font-mono">
                {entry.name}
              </th>
              <td className="py-1 pr-3 font-mono break-all">{entry.value}</td>
              <td className="py-1 text-muted">{entry.meaning}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/**
 * A DPoP proof (RFC 9449 §4.2), decoded but not verified: its header, with the client's public
 * key, and its claims, each with what it is for. Shown by the lab under each request it sends,
 * and by the inspector under each request that carried one.
 */
export function DpopProofView({ proof, title = "The DPoP proof, decoded" }: { proof: string; title?: string }) {
  const shown = describeDpopProof(proof);
  return (
    <div className="space-y-2 rounded-xl border-2 border-role-client/40 bg-surface p-4">
      <h4 className="text-xl font-bold">{title}</h4>
      {shown ? (
        <>
          <p className="text-base text-muted">
            A JWT the client signs with its private key for this one request.{" "}
            {shown.signed ? "The server checks it against the public key in jwk." : "Recorded without its signature, so this copy proves nothing."}
          </p>
          <div className="grid gap-4 lg:grid-cols-2">
            <Entries label="DPoP proof header" entries={shown.header} />
            <Entries label="DPoP proof claims" entries={shown.claims} />
          </div>
        </>
      ) : (
        <p>This DPoP header is not a JWT, so there is nothing to read inside it.</p>
      )}
    </div>
  );
}
