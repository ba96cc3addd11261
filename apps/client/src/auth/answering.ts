import { metadataUrl } from "@seven-steps/protocol";
import { env } from "@/env";

/** Whether a server answers at all, within a second and a half. */
async function answers(url: string | URL): Promise<boolean> {
  try {
    await fetch(url, { method: "GET", redirect: "manual", cache: "no-store", signal: AbortSignal.timeout(1_500) });
    return true;
  } catch {
    return false;
  }
}

/**
 * Which of PhotoCloud's two servers is not answering right now, if any: the likeliest reason a
 * sign-in failed on PrintShop's side without PhotoCloud refusing anything.
 */
export async function silentServer(): Promise<"PhotoCloud Accounts" | "the PhotoCloud API" | null> {
  const [accounts, api] = await Promise.all([answers(metadataUrl(env.AUTHORIZATION_SERVER_ISSUER)), answers(env.RESOURCE_API_URL)]);
  if (!accounts) return "PhotoCloud Accounts";
  if (!api) return "the PhotoCloud API";
  return null;
}
