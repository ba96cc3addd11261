import type { AlicesAppRefreshed } from "@seven-steps/story";

/** alice's app's refresh, told in a sentence: what a revoked grant, or a live one, means for her. */
export function alicesRefreshTold(refreshed: AlicesAppRefreshed): string {
  if (refreshed.status === 200) return "alice's app refreshed its tokens as before.";
  return `alice's app then refreshed with its own newest refresh token, and was refused too (${refreshed.error ?? refreshed.status}): its grant is revoked, and alice signs in again.`;
}
