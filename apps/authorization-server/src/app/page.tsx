import { RoleHome } from "@seven-steps/ui/role-home";
import { connection } from "next/server";
import { env } from "@/env";

export default async function HomePage() {
  await connection();
  return (
    <RoleHome
      role="authorization-server"
      title="PhotoCloud Accounts"
      heading="This is the authorization server."
      facts={[
        ["Issuer", env.ISSUER],
        ["Tokens are for", env.RESOURCE_API_URL],
      ]}
      links={{ client: env.CLIENT_APP_URL, "resource-server": env.RESOURCE_API_URL }}
    >
      <p className="text-muted">PhotoCloud Accounts: where PhotoCloud users sign in.</p>
      <p>
        It signs users in, asks them what they allow, and issues tokens to the client. It is the only place where a
        user ever types a password.
      </p>
    </RoleHome>
  );
}
