import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface Session {
    user: { name?: string; username?: string };
    /** The row of PrintShop's ClientSession table that holds this session's tokens. */
    sid?: string;
    /** Who signed in: the `sub` of their tokens, PhotoCloud's identifier of them. */
    subject?: string;
    /** The inspector's record of the sign-in that started this session. */
    flowId?: string;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    username?: string;
    sid?: string;
    flowId?: string;
  }
}
