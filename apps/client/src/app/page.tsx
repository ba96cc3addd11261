import { RoleHome } from "@seven-steps/ui/role-home";
import { currentUser } from "@/auth/session";
import { ClientNavigation } from "@/components/client-header";
import { SignInButton } from "@/components/sign-in-button";
import { env } from "@/env";

export default async function HomePage() {
  const user = await currentUser();
  return (
    <RoleHome
      role="client"
      title="PrintShop"
      heading="This is the client."
      facts={[
        ["Trusts the issuer", env.AUTHORIZATION_SERVER_ISSUER],
        ["Reads photos from", env.RESOURCE_API_URL],
      ]}
      links={{ "authorization-server": env.AUTHORIZATION_SERVER_ISSUER, "resource-server": env.RESOURCE_API_URL }}
      headerActions={<ClientNavigation user={user} />}
    >
      <p>
        PrintShop prints your photos. Your photos live at PhotoCloud, and PrintShop never learns your PhotoCloud
        password: it asks PhotoCloud&apos;s authorization server for permission, and receives an access token that
        opens your photos and nothing else.
      </p>
      <div className="pt-2">
        {user ? (
          <a href="/photos" className="inline-block rounded-lg bg-role-client-solid px-6 py-3 text-xl font-semibold text-white">
            See your photos
          </a>
        ) : (
          <SignInButton />
        )}
      </div>
    </RoleHome>
  );
}
