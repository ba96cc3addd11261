"use client";

import { useEffect } from "react";

/**
 * What one of Mallory's pages does in alice's browser: it sends her on, at once, to the address
 * Mallory prepared. The page's own address (run id included) goes along as the Referer
 * (`unsafe-url`, here and in src/proxy.ts), which is how the inspector draws the request in
 * Mallory's lane.
 */
export function SendAliceTo({ url, words }: { url: string; words: string }) {
  useEffect(() => {
    window.location.assign(url);
  }, [url]);
  return (
    <>
      <meta name="referrer" content="unsafe-url" />
      <p role="status">{words}</p>
    </>
  );
}
