"use server";

import { redirect } from "next/navigation";
import { currentUser } from "@/auth/session";
import { addPhoto } from "@/photos/photo-api";
import type { Problem } from "@/photos/problem";

export interface AddPhotoState {
  problem?: Problem;
}

/** Adds a photo to the member's PhotoCloud album, through the API (scope photos:write). */
export async function addPhotoAction(_previous: AddPhotoState, form: FormData): Promise<AddPhotoState> {
  const user = await currentUser();
  if (!user) return { problem: { kind: "signed-out", reason: "You are not signed in at PrintShop" } };
  const title = String(form.get("title") ?? "").trim();
  if (!title) return { problem: { kind: "failed", status: 400, description: "Give the photo a title." } };
  const result = await addPhoto(user.sid, {
    title,
    motif: String(form.get("motif") ?? "sun"),
    palette: String(form.get("palette") ?? "amber"),
  });
  if (!result.ok) return { problem: result.problem };
  redirect("/photos?added=1");
}

/** The pretend print: PrintShop's business, which needs nothing more from PhotoCloud. */
export async function printAction(form: FormData): Promise<void> {
  redirect(`/photos?printed=${encodeURIComponent(String(form.get("title") ?? ""))}`);
}
