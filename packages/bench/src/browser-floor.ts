// Row 6's floor: the same seven steps, driven by the same Playwright steps in the same Chromium,
// against two stand-ins that do no work at all. One plays PrintShop, the other PhotoCloud
// Accounts, on two ports so that the browser crosses origins as it does in the real flow. Their
// pages are bare HTML with the same buttons, labels and list, and no script, style or image; every
// answer is a constant or a redirect, and no password is hashed. What the real sign-in takes
// beyond this is the apps' own doing; the floor itself is what Chromium and Playwright take on
// this machine to load four pages and press three buttons.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;
}

type Answer = (response: ServerResponse, url: URL) => void;

function html(title: string, body: string): Answer {
  return (response) => {
    response.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
    response.end(page(title, body));
  };
}

function redirect(status: 302 | 303, location: (url: URL) => string): Answer {
  return (response, url) => {
    response.writeHead(status, { location: location(url) });
    response.end();
  };
}

/** Answers by method and path; a form's body is read to its end before the answer. */
function listen(routes: Record<string, Answer>): Promise<Server> {
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? "/", "http://floor");
    const answer = routes[`${request.method} ${url.pathname}`];
    request.resume();
    request.on("end", () => {
      if (answer) answer(response, url);
      else response.writeHead(404).end();
    });
  });
  return new Promise((resolve) => server.listen(0, "localhost", () => resolve(server)));
}

function urlOf(server: Server): string {
  return `http://localhost:${(server.address() as AddressInfo).port}`;
}

export interface BrowserFloor {
  /** Where the sign-in starts, as PrintShop's home page does. */
  clientUrl: string;
  close(): Promise<void>;
}

/** Starts the two stand-ins on free ports. */
export async function startBrowserFloor(): Promise<BrowserFloor> {
  let clientUrl = "";
  let accountsUrl = "";
  const client = await listen({
    "GET /": html("PrintShop", `<form method="post" action="/sign-in"><button>Sign in with PhotoCloud</button></form>`),
    "POST /sign-in": redirect(302, () => `${accountsUrl}/authorize`),
    "GET /callback": redirect(302, () => "/photos"),
    "GET /photos": html("Photos", `<ul aria-label="Photos"><li>Harbour at dawn</li><li>Lighthouse at dusk</li></ul>`),
  });
  const accounts = await listen({
    // As the real one: to the sign-in page first, to consent once signed in.
    "GET /authorize": redirect(303, (url) => (url.searchParams.has("signed_in") ? "/consent" : "/sign-in")),
    "GET /sign-in": html(
      "Sign in",
      `<form method="post" action="/sign-in/password"><label>Username <input name="username"></label>` +
        `<label>Password <input name="password" type="password"></label><button>Sign in</button></form>`,
    ),
    "POST /sign-in/password": redirect(303, () => "/authorize?signed_in"),
    "GET /consent": html("Consent", `<form method="post" action="/consent/decision"><button>Allow</button></form>`),
    "POST /consent/decision": redirect(303, () => `${clientUrl}/callback`),
  });
  clientUrl = urlOf(client);
  accountsUrl = urlOf(accounts);
  return {
    clientUrl,
    close: async () => {
      for (const server of [client, accounts]) {
        server.closeAllConnections();
        await new Promise((resolve) => server.close(resolve));
      }
    },
  };
}
