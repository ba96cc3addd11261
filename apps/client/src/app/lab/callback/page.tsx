import type { Metadata } from "next";
import { connection } from "next/server";
import { readLabConfiguration } from "@/lab/configuration";
import { LabCallback } from "../in-browser";
import { LabPage } from "../lab-page";

export const metadata: Metadata = { title: "Step-through lab" };

/**
 * The lab's redirect URI, http://localhost:3000/lab/callback: the authorization server sends the
 * browser back here with the code (step 3), and the lab goes on from here to step 7.
 */
export default async function LabCallbackPage() {
  // Read the configuration when a request comes, not once at build time.
  await connection();
  return (
    <LabPage>
      <LabCallback configuration={readLabConfiguration()} />
    </LabPage>
  );
}
