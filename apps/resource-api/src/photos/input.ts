import { z } from "zod";
import { badRequest } from "@/http/api-error";
import { motifs, paletteNames } from "./look.ts";

const title = z.string().trim().min(1, "must not be empty").max(120, "must be at most 120 characters");
const takenAt = z.iso.datetime({ offset: true, message: "must be an ISO 8601 date and time, such as 2026-05-21T11:15:00Z" });
const motif = z.enum(motifs, `must be one of ${motifs.join(", ")}`);
const palette = z.enum(paletteNames, `must be one of ${paletteNames.join(", ")}`);

/** The body of POST /photos. Unknown fields are refused rather than ignored. */
export const newPhotoSchema = z.strictObject({
  title,
  taken_at: takenAt.optional(),
  motif: motif.default("sun"),
  palette: palette.default("amber"),
});

/** The body of PATCH /photos/{id}: any of the fields, at least one. */
export const photoChangesSchema = z
  .strictObject({ title: title.optional(), taken_at: takenAt.optional(), motif: motif.optional(), palette: palette.optional() })
  .refine((changes) => Object.keys(changes).length > 0, "name at least one field to change");

/** Parses a body against a schema; a failure is a 400 naming each bad field. */
export function parseInput<Schema extends z.ZodType>(schema: Schema, body: unknown): z.infer<Schema> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    if (issue.code === "unrecognized_keys") return `unknown field ${issue.keys.join(", ")}`;
    const field = issue.path.join(".");
    return field ? `${field} ${issue.message}` : issue.message;
  });
  throw badRequest(`The photo is invalid: ${problems.join("; ")}.`);
}
