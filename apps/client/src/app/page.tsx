import { RoleHome } from "@seven-steps/ui/role-home";
import { connection } from "next/server";
import { env } from "@/env";

export default async function HomePage() {
  await connection();
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
    >
      <p>
        PrintShop prints your photos. Your photos live at PhotoCloud, and PrintShop never learns your PhotoCloud
        password: it asks PhotoCloud&apos;s authorization server for permission, and receives an access token that
        opens your photos and nothing else.
      </p>
    </RoleHome>
  );
}
