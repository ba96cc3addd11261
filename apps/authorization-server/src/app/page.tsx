import { authorizationServerMetadataPath } from "@seven-steps/protocol";
import { RoleHome } from "@seven-steps/ui/role-home";
import { AccountActions } from "@/components/account-header";
import { env } from "@/env";
import { currentUser } from "@/session/current-user";

export default async function HomePage() {
  const user = await currentUser();
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
      headerActions={<AccountActions user={user} />}
    >
      <p className="text-muted">PhotoCloud Accounts: where PhotoCloud users sign in.</p>
      <p>
        It signs users in, asks them what they allow, and issues tokens to the client. It is the only place where a
        user ever types a password.
      </p>
      <p className="text-base">
        Its metadata, for clients and resource servers:{" "}
        <a className="font-mono" href={authorizationServerMetadataPath}>
          {authorizationServerMetadataPath}
        </a>
      </p>
      <p className="text-base">
        Building an app that uses PhotoCloud?{" "}
        <a className="font-semibold underline" href="/developers">
          Register a client
        </a>{" "}
        on the Developers page.
      </p>
    </RoleHome>
  );
}
