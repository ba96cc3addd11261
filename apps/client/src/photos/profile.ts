import { env } from "@/env";

/** The member's profile at the PhotoCloud API's `GET /me`. */
export interface PhotoCloudProfile extends Record<string, unknown> {
  sub: string;
  username: string;
  name: string;
}

/** Step 6 and 7 during sign-in: who the access token belongs to, asked of the resource server. */
export async function fetchProfile(accessToken: string): Promise<PhotoCloudProfile> {
  const response = await fetch(`${env.RESOURCE_API_URL}/me`, {
    headers: { authorization: `Bearer ${accessToken}`, accept: "application/json" },
    signal: AbortSignal.timeout(5_000),
  });
  if (!response.ok) throw new Error(`The PhotoCloud API answered ${response.status} to GET /me.`);
  return (await response.json()) as PhotoCloudProfile;
}
