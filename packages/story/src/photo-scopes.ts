/**
 * The scopes of this project's story: PrintShop, a photo-printing client, asks to reach the
 * user's photos at the PhotoCloud API. The consent screen shows `consentText` to the user, so it is
 * written for people, not for developers.
 */
export const photoScopes = {
  profile: {
    consentText: "See your name and username",
    description: "Read the signed-in user's profile (GET /me at the PhotoCloud API).",
  },
  "photos:read": {
    consentText: "See your photos",
    description: "List and read the user's photos.",
  },
  "photos:write": {
    consentText: "Add, change and delete your photos",
    description: "Create, update and delete the user's photos.",
  },
} as const;

export type PhotoScope = keyof typeof photoScopes;

export const allPhotoScopes = Object.keys(photoScopes) as PhotoScope[];

export function isPhotoScope(value: string): value is PhotoScope {
  return Object.hasOwn(photoScopes, value);
}
