"use client";

import { useEffect, useState } from "react";
import { fetchPictureObjectUrl, type LabAccessToken, type LabPhoto } from "@/lab/resource-step";

/** How the pictures are fetched: the API, the token, and for a DPoP-bound token the key and the API's nonce. */
export interface PictureAccess {
  resourceApiUrl: string;
  token: LabAccessToken;
  /** Null where the lab runs without DPoP. */
  keyPair: CryptoKeyPair | null;
  nonce?: string;
}

/** The photos the API returned, by title, each with its picture fetched with the same token. */
export function PhotoList({ photos, access }: { photos: LabPhoto[]; access: PictureAccess }) {
  if (photos.length === 0) return <p className="text-xl">The API returned no photos.</p>;
  return (
    <ul aria-label="Photos" className="space-y-3">
      {photos.map((photo) => (
        <PhotoItem key={photo.id} photo={photo} access={access} />
      ))}
    </ul>
  );
}

function PhotoItem({ photo, access }: { photo: LabPhoto; access: PictureAccess }) {
  const [pictureUrl, setPictureUrl] = useState<string | null>(null);

  const { resourceApiUrl, token, keyPair, nonce } = access;
  useEffect(() => {
    let objectUrl: string | null = null;
    let gone = false;
    fetchPictureObjectUrl(resourceApiUrl, photo.id, token, keyPair, nonce).then(
      (url) => {
        if (gone) return URL.revokeObjectURL(url);
        objectUrl = url;
        setPictureUrl(url);
      },
      // The title is what step 7 is about; without its picture the frame stays empty.
      () => undefined,
    );
    return () => {
      gone = true;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
    // The token's fields, not the object, which each render makes anew.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [resourceApiUrl, photo.id, token.value, token.tokenType, keyPair, nonce]);

  return (
    <li className="flex items-center gap-4 rounded-xl border-2 border-line bg-surface p-2">
      <span className="block h-[90px] w-[120px] shrink-0 overflow-hidden rounded-lg bg-sunken">
        {pictureUrl ? (
          // eslint-disable-next-line @next/next/no-img-element -- an object URL, which next/image cannot optimise
          <img src={pictureUrl} alt="" width={120} height={90} className="h-full w-full object-cover" />
        ) : null}
      </span>
      <span className="text-xl font-semibold">{photo.title}</span>
    </li>
  );
}
