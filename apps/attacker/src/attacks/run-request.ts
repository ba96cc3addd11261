import "server-only";
import { z } from "zod";

/**
 * What the card sends to run a phase. The run id is made by the learner's browser, 128 random bits
 * in base64url: whoever holds it may read the run's records, and nobody else can guess it.
 */
export const runRequestSchema = z.object({
  runId: z.string().regex(/^[A-Za-z0-9_-]{22,64}$/, "runId must be 22 to 64 base64url characters"),
  weakened: z.boolean().default(false),
  input: z.record(z.string(), z.unknown()).default({}),
});

export type RunRequest = z.infer<typeof runRequestSchema>;
