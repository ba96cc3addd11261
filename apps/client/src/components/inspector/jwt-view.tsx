"use client";

import { accessTokenClaimMeanings } from "@seven-steps/protocol";
import { decodeJwt, decodeProtectedHeader } from "jose";

function display(name: string, value: unknown): string {
  if ((name === "exp" || name === "iat" || name === "nbf" || name === "auth_time") && typeof value === "number") {
    return `${value} (${new Date(value * 1000).toLocaleTimeString("en-GB")})`;
  }
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** An access token, decoded: its JOSE header, and each claim with what it means (RFC 9068 §2). */
export function JwtView({ token }: { token: string }) {
  let header: Record<string, unknown>;
  let claims: Record<string, unknown>;
  try {
    header = decodeProtectedHeader(token);
    claims = decodeJwt(token);
  } catch {
    return <p>This access token is not a JWT this page can decode.</p>;
  }
  return (
    <div className="grid gap-4 lg:grid-cols-[1fr_2fr]">
      <section aria-label="Access token header">
        <h4 className="font-bold">Header</h4>
        <pre className="rounded-lg bg-paper p-3 text-base">{JSON.stringify(header, null, 2)}</pre>
        <p className="text-base text-muted">typ at+jwt marks it as an access token; it is signed ES256 with the key named by kid.</p>
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
                <td className="py-1 text-muted">{accessTokenClaimMeanings[name] ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
