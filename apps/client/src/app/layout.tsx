import { AppDocument } from "@seven-steps/ui/app-document";
import type { Metadata } from "next";
import type { ReactNode } from "react";
import { env } from "@/env";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "PrintShop", template: "%s · PrintShop" },
  description: "PrintShop, the client of the seven-steps OAuth 2 demo: it asks for access to your photos.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return <AppDocument configuration={env}>{children}</AppDocument>;
}
