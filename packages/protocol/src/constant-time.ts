/**
 * Compares two strings in time that depends only on their lengths, never on where they first
 * differ, so that an attacker cannot guess a secret one character at a time.
 *
 * Use it for every comparison of a secret, a hash or a PKCE value.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6819#section-5.1.4.1.3
 */
export function constantTimeEqual(a: string, b: string): boolean {
  const left = new TextEncoder().encode(a);
  const right = new TextEncoder().encode(b);
  let difference = left.length ^ right.length;
  const length = Math.max(left.length, right.length);
  for (let index = 0; index < length; index += 1) {
    difference |= (left[index] ?? 0) ^ (right[index] ?? 0);
  }
  return difference === 0;
}
