import "server-only";
import type { AttackOutcome } from "@/attacks/attack";
import { env } from "@/env";
import type { Mallory } from "./http";

/**
 * What an access token in Mallory's hands is worth: the titles of the photos the PhotoCloud API
 * gives her for it (RFC 6750 §2.1), or null when it refuses.
 */
export async function photoTitlesFor(mallory: Mallory, accessToken: string): Promise<{ status: number; body: unknown; titles: string[] | null }> {
  const response = await mallory.fetch(`${env.RESOURCE_API_URL}/photos`, { headers: { authorization: `Bearer ${accessToken}` } });
  const body = await readBody(response);
  const photos = (body as { photos?: { title?: unknown }[] } | null)?.photos;
  const titles = response.ok && Array.isArray(photos) ? photos.map((photo) => String(photo.title)) : null;
  return { status: response.status, body, titles };
}

/** A response's body as JSON when it is JSON, else its text (an HTML error page is cut short). */
export async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text.length > 300 ? `${text.slice(0, 300)}…` : text;
  }
}

/**
 * How one of Mallory's token requests ended: refused by the token endpoint (the defence held), or
 * answered with tokens she spends at once at the PhotoCloud API. `refused` and `succeeded` are the
 * card's words for the two endings.
 */
export async function spendTokenResponse(mallory: Mallory, response: Response, words: { refused: string; succeeded: string }): Promise<AttackOutcome> {
  const body = await readBody(response);
  const answer = { status: response.status, body };
  if (!response.ok) return { verdict: "refused", summary: words.refused, answer };
  const photos = await photoTitlesFor(mallory, (body as { access_token?: string }).access_token ?? "");
  if (!photos.titles) return { verdict: "refused", summary: "Mallory got tokens, but the PhotoCloud API refused them.", answer };
  return { verdict: "succeeded", summary: words.succeeded, answer, loot: photos.titles };
}
