import { AppDocument } from "@seven-steps/ui/app-document";
import type { Metadata } from "next";
import type { ReactNode } from "react";
import { env } from "@/env";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "PhotoCloud Accounts", template: "%s · PhotoCloud Accounts" },
  description: "PhotoCloud Accounts, the authorization server of the seven-steps OAuth 2 demo: it signs users in and issues tokens.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return <AppDocument configuration={env}>{children}</AppDocument>;
}
