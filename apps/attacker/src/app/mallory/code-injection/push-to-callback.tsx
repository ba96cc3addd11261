"use client";

import { useEffect } from "react";

/** Sends alice's browser on, at once: the page's own address goes along as the Referer (unsafe-url). */
export function PushToCallback({ to }: { to: string }) {
  useEffect(() => {
    window.location.replace(to);
  }, [to]);
  return null;
}
