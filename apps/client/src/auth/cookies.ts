import type { CookiesOptions } from "next-auth";
import { env } from "@/env";

/**
 * next-auth's cookies, under names of PrintShop's own. Browsers do not separate cookies by port,
 * so on localhost the three apps share one cookie jar: with next-auth's default names, any other
 * app using them would sign PrintShop's users out. All are HttpOnly: page scripts never see them.
 */
const secure = env.CLIENT_APP_URL.startsWith("https://");
const options = { httpOnly: true, sameSite: "lax" as const, path: "/", secure };

export const printShopCookies: Partial<CookiesOptions> = {
  sessionToken: { name: "printshop.session-token", options },
  callbackUrl: { name: "printshop.callback-url", options },
  csrfToken: { name: "printshop.csrf-token", options },
  pkceCodeVerifier: { name: "printshop.pkce-verifier", options: { ...options, maxAge: 15 * 60 } },
  state: { name: "printshop.state", options: { ...options, maxAge: 15 * 60 } },
  nonce: { name: "printshop.nonce", options },
};
