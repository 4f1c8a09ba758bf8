import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { SessionProvider } from "@/components/access/session-provider";
import { AppHeader } from "@/components/shell/app-header";
import { currentAccess } from "@/lib/auth/current";
import { refusal } from "@/lib/server/read-only";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Pipewright", template: "%s · Pipewright" },
  description: "Design, ship and watch AWS CodePipeline pipelines.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page is rendered per request: Next puts the request's CSP nonce (proxy.ts) on its
  // scripts only while rendering, so a page prerendered at build time could run no script.
  await connection();
  // Who is signed in (proxy.ts already turned away whoever may not see pages): the header says it,
  // and the UI asks useAllowed() whether to offer a change, which also says when the deployment is
  // read-only: one answer for both reasons.
  const access = await currentAccess();
  const readOnly = refusal()?.message;
  return (
    <html lang="en">
      <body className="flex min-h-screen flex-col font-sans">
        {/* TanStack Query's provider is mounted only below the pages that poll (app/providers.tsx). */}
        <SessionProvider user={access.status === "signed-in" ? access.user : undefined} {...(readOnly !== undefined && { readOnly })}>
          <AppHeader access={access} />
          <main className="flex-1">{children}</main>
        </SessionProvider>
      </body>
    </html>
  );
}
