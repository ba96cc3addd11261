"use client";

import { PageFailed } from "@seven-steps/ui/page-failed";

/** Any page of this app that failed on the server, its database unavailable most likely (see PageFailed). */
export default function PageError({ error }: { error: Error & { digest?: string } }) {
  return <PageFailed role="client" title="PrintShop" digest={error.digest} />;
}
