import { RoleHome } from "@seven-steps/ui/role-home";
import { connection } from "next/server";
import { env } from "@/env";

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
        The PhotoCloud API holds each user&apos;s photos. It hands them to any client that presents a valid access
        token, and only the photos of the user the token was issued for. It never sees a password.
      </p>
    </RoleHome>
  );
}
