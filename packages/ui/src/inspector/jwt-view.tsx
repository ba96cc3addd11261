"use client";

import { accessTokenClaimMeanings, decodeUnverifiedJwt } from "@seven-steps/protocol";

/** The longest value a cell shows: a recorded token may hold anything, of any size. */
const maxShownLength = 200;

function cut(text: string, maxLength = maxShownLength): string {
  return text.length > maxLength ? `${text.slice(0, maxLength)}…` : text;
}

function display(name: string, value: unknown): string {
  if ((name === "exp" || name === "iat" || name === "nbf" || name === "auth_time") && typeof value === "number") {
    return `${value} (${new Date(value * 1000).toLocaleTimeString("en-GB")})`;
  }
  return cut(typeof value === "string" ? value : (JSON.stringify(value) ?? String(value)));
}

/**
 * An access token, decoded but not verified: its JOSE header, and each claim with what it means
 * (RFC 9068 §2). A token the inspector recorded can hold anything, so claims of the wrong type or
 * size are shown as such, never trusted.
 */
export function JwtView({ token }: { token: string }) {
  const decoded = decodeUnverifiedJwt(token);
  if (!decoded) return <p>This access token is not a JWT this page can decode.</p>;
  const { header, claims, wrongClaims, signed } = decoded;
  return (
    <div className="grid gap-4 lg:grid-cols-[1fr_2fr]">
      <section aria-label="Access token header">
        <h4 className="font-bold">Header</h4>
        <pre className="rounded-lg bg-paper p-3 text-base">{cut(JSON.stringify(header, null, 2), 4 * maxShownLength)}</pre>
        <p className="text-base text-muted">typ at+jwt marks it as an access token; it is signed ES256 with the key named by kid.</p>
        {signed ? null : (
          <p className="text-base text-muted">Signature removed: this record cannot be used as a token.</p>
        )}
      </section>
      <section aria-label="Access token claims">
        <h4 className="font-bold">Claims</h4>
        <table className="w-full text-left text-base">
          <tbody>
            {Object.entries(claims).map(([name, value]) => (
              <tr key={name} className="border-b border-line align-top">
                <th scope="row" className="py-1 pr-3 font-mono">
                  {name}
                </th>
                <td className="py-1 pr-3 font-mono break-all">{display(name, value)}</td>
                <td className="py-1 text-muted">
                  {wrongClaims.includes(name)
                    ? "Of the wrong type or size: no resource server would accept this token."
                    : Object.hasOwn(accessTokenClaimMeanings, name)
                      ? accessTokenClaimMeanings[name]
                      : ""}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
