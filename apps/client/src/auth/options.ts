import type { NextAuthOptions } from "next-auth";
import { sessionSecret } from "@/env";
import { flowOfAccessToken } from "@/inspector";
import type { PhotoCloudProfile } from "@/photos/profile";
import { startClientSession, endSignedInSession } from "@/tokens/client-session";
import { redirectOnThisSite } from "./callback-url.ts";
import { printShopCookies } from "./cookies.ts";
import { nextAuthLogger } from "./logger.ts";
import { signInProviders } from "./provider.ts";

/**
 * next-auth runs PrintShop's side of steps 1 to 7: it sends the user to PhotoCloud (step 1),
 * receives the code (step 3), exchanges it (steps 4 and 5) and reads the profile (steps 6 and 7).
 *
 * Its session cookie is an encrypted JWT holding who signed in and a session id, nothing more:
 * the access and refresh tokens go to PrintShop's own table (src/tokens/client-session.ts), so the
 * browser never receives them.
 */
export const authOptions: NextAuthOptions = {
  secret: sessionSecret,
  providers: signInProviders,
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  cookies: printShopCookies,
  logger: nextAuthLogger,
  // next-auth sends failed sign-ins to the signIn page, not the error page; both explain them.
  pages: { signIn: "/sign-in", error: "/sign-in/problem" },
  callbacks: {
    redirect: async (where) => redirectOnThisSite(where),
    async jwt({ token, account, profile }) {
      if (!account || !profile) return token;
      const sid = await startClientSession(account);
      const { username } = profile as PhotoCloudProfile;
      const flowId = account.access_token ? await flowOfAccessToken(account.access_token) : undefined;
      return { sub: token.sub, name: token.name, username, sid, flowId };
    },
    async session({ session, token }) {
      return {
        expires: session.expires,
        user: { name: token.name ?? undefined, username: token.username },
        sid: token.sid,
        subject: token.sub,
        flowId: token.flowId,
      };
    },
  },
  events: {
    async signOut({ token }) {
      if (token?.sid) await endSignedInSession(token.sid);
    },
  },
};
