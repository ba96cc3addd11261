/**
 * A secret as the lab shows it: its first four characters, enough to tell two apart, then an
 * ellipsis. The refresh token is shown this way only: it lives for days, and a screen in front of
 * a room is not a safe place for it.
 */
export function maskSecret(secret: string): string {
  return `${secret.slice(0, 4)}…`;
}
