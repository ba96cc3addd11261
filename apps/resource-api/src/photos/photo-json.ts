import type { Photo } from "@seven-steps/db";
import { env } from "@/env";

/** A photo as the API sends it. */
export interface PhotoJson {
  id: string;
  title: string;
  motif: string;
  palette: string;
  taken_at: string;
  created_at: string;
  updated_at: string;
  /** Where to fetch the SVG picture, with the same access token. */
  picture_url: string;
}

export function photoJson(photo: Photo): PhotoJson {
  return {
    id: photo.id,
    title: photo.title,
    motif: photo.motif,
    palette: photo.palette,
    taken_at: photo.takenAt.toISOString(),
    created_at: photo.createdAt.toISOString(),
    updated_at: photo.updatedAt.toISOString(),
    picture_url: `${env.RESOURCE_API_URL}/photos/${photo.id}/picture`,
  };
}
