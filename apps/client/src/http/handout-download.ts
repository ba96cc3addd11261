import "server-only";
import { flowHandout, type Flow } from "@seven-steps/inspector";

/**
 * A flow as a Markdown file to download (packages/inspector's handout), never cached: it is one
 * member's sign-in. Its access tokens carry no signature (the recorder removed them), so a handout
 * passed around a room hands out no usable token.
 */
export function handoutDownload(flow: Flow): Response {
  return new Response(flowHandout(flow), {
    headers: {
      "Content-Type": "text/markdown; charset=utf-8",
      "Content-Disposition": `attachment; filename="oauth-flow-${flow.id.replace(/[^\w-]/g, "")}.md"`,
      "Cache-Control": "no-store",
    },
  });
}
