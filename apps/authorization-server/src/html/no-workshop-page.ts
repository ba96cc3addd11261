import { messagePage } from "./message-page.ts";

/**
 * What every workshop page and route answers on a server that runs no workshop (no room was set
 * up): 404, since for this server the page does not exist, with the reason in words.
 */
export function noWorkshopPage(): Response {
  return messagePage({
    status: 404,
    title: "This server runs no workshop",
    message:
      "Workshop pages exist only on a server started for a workshop, once the instructor has set up the room (npm run workshop). Ask the instructor for the join link.",
    link: { href: "/", text: "PhotoCloud Accounts" },
  });
}
