import { AppDocument } from "@seven-steps/ui/app-document";
import type { Metadata } from "next";
import type { ReactNode } from "react";
import { env } from "@/env";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Mallory's Prints · attack lab", template: "%s · Mallory's Prints" },
  description: "Mallory, the attacker of the seven-steps OAuth 2 demo: she tries each attack of RFC 9700 against the running apps.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return <AppDocument configuration={env}>{children}</AppDocument>;
}
