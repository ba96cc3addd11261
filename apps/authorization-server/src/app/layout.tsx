import type { Metadata } from "next";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "PhotoCloud Accounts", template: "%s · PhotoCloud Accounts" },
  description: "PhotoCloud Accounts, the authorization server of the seven-steps OAuth 2 demo: it signs users in and issues tokens.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen text-lg">{children}</body>
    </html>
  );
}
