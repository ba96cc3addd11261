import { decodeUnverifiedJwt, dpopProofClaimMeanings, dpopProofHeaderMeanings } from "@seven-steps/protocol";

/** One member of a proof's header or claims, as the lab and the inspector show it. */
export interface ProofEntry {
  name: string;
  value: string;
  meaning: string;
}

export interface ShownDpopProof {
  header: ProofEntry[];
  claims: ProofEntry[];
  /** False for a proof recorded by the inspector, which keeps proofs without their signature. */
  signed: boolean;
}

/** The longest value shown: a proof sent to these servers may hold anything, of any size. */
const maxShownLength = 300;

function shown(name: string, value: unknown): string {
  if (name === "iat" && typeof value === "number") return `${value} (${new Date(value * 1000).toLocaleTimeString("en-GB")})`;
  const text = typeof value === "string" ? value : (JSON.stringify(value) ?? String(value));
  return text.length > maxShownLength ? `${text.slice(0, maxShownLength)}…` : text;
}

/** The explained members first, in the order of their explanations, then any others. */
function entriesOf(values: Record<string, unknown>, meanings: Record<string, string>): ProofEntry[] {
  const explained = Object.keys(meanings).filter((name) => Object.hasOwn(values, name));
  const others = Object.keys(values).filter((name) => !Object.hasOwn(meanings, name));
  return [...explained, ...others].map((name) => ({ name, value: shown(name, values[name]), meaning: meanings[name] ?? "" }));
}

/**
 * A DPoP proof taken apart for reading: its header (typ, alg, and the public key in jwk) and its
 * claims (jti, htm, htu, iat, and ath and nonce when present), each with what it is for. Decoded,
 * not verified: checking it is the server's job. Null when it is not a JWT.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9449#section-4.2
 */
export function describeDpopProof(proof: string): ShownDpopProof | null {
  const decoded = decodeUnverifiedJwt(proof);
  if (!decoded) return null;
  return {
    header: entriesOf(decoded.header, dpopProofHeaderMeanings),
    claims: entriesOf(decoded.claims, dpopProofClaimMeanings),
    signed: decoded.signed,
  };
}
