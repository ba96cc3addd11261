import { RoleHome } from "@seven-steps/ui/role-home";
import { connection } from "next/server";
import { env } from "@/env";

const endpoints = [
  { method: "GET", path: "/me", scope: "profile", does: "The member's profile: sub, username, name." },
  { method: "GET", path: "/photos", scope: "photos:read", does: "The member's photos, newest first." },
  { method: "POST", path: "/photos", scope: "photos:write", does: "Adds a photo: title, and optionally taken_at, motif, palette." },
  { method: "GET", path: "/photos/{id}", scope: "photos:read", does: "One photo." },
  { method: "PATCH", path: "/photos/{id}", scope: "photos:write", does: "Changes some of a photo's fields." },
  { method: "DELETE", path: "/photos/{id}", scope: "photos:write", does: "Deletes a photo." },
  { method: "GET", path: "/photos/{id}/picture", scope: "photos:read", does: "The photo's picture, as SVG." },
];

export default async function HomePage() {
  await connection();
  return (
    <RoleHome
      role="resource-server"
      title="PhotoCloud API"
      heading="This is the resource server."
      facts={[
        ["Audience", env.RESOURCE_API_URL],
        ["Trusts tokens from", env.AUTHORIZATION_SERVER_ISSUER],
      ]}
      links={{ client: env.CLIENT_APP_URL, "authorization-server": env.AUTHORIZATION_SERVER_ISSUER }}
    >
      <p>
        The PhotoCloud API holds each member&apos;s photos. It hands them to any client that presents a valid access
        token, and only the photos of the member the token was issued for. It never sees a password.
      </p>
      <section aria-labelledby="endpoints-heading" className="space-y-2 pt-2 text-base">
        <h2 id="endpoints-heading" className="text-xl font-bold">
          Endpoints
        </h2>
        <p>
          Every endpoint needs <code>Authorization: Bearer &lt;access token&gt;</code>. The token is checked here, without
          asking the authorization server: its signature against the server&apos;s published keys, its issuer, its
          audience, its lifetime and its scope.
        </p>
        <table className="w-full text-left">
          <thead>
            <tr className="border-b border-line">
              <th className="py-1 pr-4">Request</th>
              <th className="py-1 pr-4">Scope</th>
              <th className="py-1">What it does</th>
            </tr>
          </thead>
          <tbody>
            {endpoints.map((endpoint) => (
              <tr key={`${endpoint.method} ${endpoint.path}`} className="border-b border-line/60">
                <td className="py-1 pr-4 font-mono">
                  {endpoint.method} {endpoint.path}
                </td>
                <td className="py-1 pr-4 font-mono">{endpoint.scope}</td>
                <td className="py-1">{endpoint.does}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </RoleHome>
  );
}
