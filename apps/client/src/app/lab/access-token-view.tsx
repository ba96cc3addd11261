import { accessTokenClaimMeanings, accessTokenHeaderMeanings, decodeAccessToken, timeClaims } from "@/lab/access-token-claims";
import { ParameterTable } from "./parameter-table";

/**
 * Inside the access token: its JOSE header and its claims, each with what it means. Decoded, not
 * verified; verifying is the resource server's job, in step 7.
 */
export function AccessTokenView({ accessToken }: { accessToken: string }) {
  const decoded = decodeAccessToken(accessToken);
  if (!decoded) return <p className="text-xl">This access token is not a JWT, so there is nothing to read inside it.</p>;
  const { header, claims } = decoded;
  return (
    <div className="space-y-4">
      <h3 className="text-2xl font-bold">Inside the access token</h3>
      <p className="max-w-4xl text-lg text-muted">
        It is a JWT (RFC 9068): a header, claims and a signature. A real client must treat it as opaque and not read it
        (RFC 9068 §6); the lab decodes it only to show you what the PhotoCloud API will check.
      </p>
      <ParameterTable caption="Header" parameters={describe(header, accessTokenHeaderMeanings)} meanings={accessTokenHeaderMeanings} />
      <ParameterTable caption="Claims" parameters={describe(claims, accessTokenClaimMeanings)} meanings={accessTokenClaimMeanings} />
    </div>
  );
}

/** The entries as text, the explained ones first and in the order of their explanations. */
function describe(values: Record<string, unknown>, meanings: Record<string, string>): [string, string][] {
  const explained = Object.keys(meanings).filter((name) => Object.hasOwn(values, name));
  const others = Object.keys(values).filter((name) => !Object.hasOwn(meanings, name));
  return [...explained, ...others].map((name) => [name, formatValue(name, values[name], values.iat)]);
}

function formatValue(name: string, value: unknown, issuedAt: unknown): string {
  if (timeClaims.has(name) && typeof value === "number") return `${value} (${describeTime(name, value, issuedAt)})`;
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return value.join(", ");
  return JSON.stringify(value);
}

/** A NumericDate (seconds since 1970) as a time of day, and an expiry as a lifetime too. */
function describeTime(name: string, seconds: number, issuedAt: unknown): string {
  const time = new Date(seconds * 1000).toLocaleTimeString("en-GB");
  if (name === "exp" && typeof issuedAt === "number") {
    const minutes = Math.round((seconds - issuedAt) / 60);
    return `${time}, ${minutes} minute${minutes === 1 ? "" : "s"} after iat`;
  }
  return time;
}
