import { AppDocument } from "@seven-steps/ui/app-document";
import type { Metadata } from "next";
import type { ReactNode } from "react";
import { env } from "@/env";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "PhotoCloud API", template: "%s · PhotoCloud API" },
  description: "The PhotoCloud API, the resource server of the seven-steps OAuth 2 demo: it holds the photos and checks access tokens.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return <AppDocument configuration={env}>{children}</AppDocument>;
}
