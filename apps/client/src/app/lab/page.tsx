import type { Metadata } from "next";
import { connection } from "next/server";
import { readLabConfiguration } from "@/lab/configuration";
import { LabStart } from "./in-browser";
import { LabPage } from "./lab-page";

export const metadata: Metadata = { title: "Step-through lab" };

/** The lab's first page: step 1 prepared and shown, and step 2 explained before the browser leaves. */
export default async function LabStartPage() {
  // Read the configuration when a request comes, not once at build time.
  await connection();
  return (
    <LabPage>
      <LabStart configuration={readLabConfiguration()} />
    </LabPage>
  );
}
