import "server-only";
import { db } from "@/db";

/** A pushed authorization request as stored: the hash of its reference, never the reference. */
export interface StoredPushedAuthorizationRequest {
  referenceHash: string;
  clientId: string;
  /** The authorization request's parameters, name and value, as the client pushed them. */
  parameters: [string, string][];
  expiresAt: Date;
  usedAt: Date | null;
}

/** Stores a pushed request (RFC 9126 §2.2). Its reference is 256 random bits, so the hash is the key. */
export async function savePushedAuthorizationRequest(request: Omit<StoredPushedAuthorizationRequest, "usedAt">): Promise<void> {
  await db.pushedAuthorizationRequest.create({
    data: {
      referenceHash: request.referenceHash,
      clientId: request.clientId,
      parameters: JSON.stringify(request.parameters),
      expiresAt: request.expiresAt,
    },
  });
}

/** The pushed request with this reference hash, used or expired ones included, or null. */
export async function findPushedAuthorizationRequest(referenceHash: string): Promise<StoredPushedAuthorizationRequest | null> {
  const row = await db.pushedAuthorizationRequest.findUnique({ where: { referenceHash } });
  if (!row) return null;
  return {
    referenceHash: row.referenceHash,
    clientId: row.clientId,
    parameters: JSON.parse(row.parameters) as [string, string][],
    expiresAt: row.expiresAt,
    usedAt: row.usedAt,
  };
}

/**
 * Marks the request used, if and only if it is still unused and unexpired. One conditional
 * UPDATE, so of two answers racing on the same `request_uri` exactly one gets `true`
 * (RFC 9126 §4: one-time use).
 */
export async function usePushedAuthorizationRequest(referenceHash: string, now: Date): Promise<boolean> {
  const { count } = await db.pushedAuthorizationRequest.updateMany({
    where: { referenceHash, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  return count === 1;
}
