import Link from "next/link";
import { Suspense } from "react";
import { UserBadge } from "@/components/access/user-badge";
import type { Access } from "@/lib/auth/identity";
import { BackendBadge, BackendBadgeFallback } from "./backend-badge";
import { NavLinks } from "./nav-links";
import { Logo } from "./logo";

export function AppHeader({ access }: { access: Access }) {
  return (
    <header data-app-header className="sticky top-0 z-20 border-b border-slate-200 bg-white/90 backdrop-blur dark:border-slate-800 dark:bg-slate-950/90">
      <div className="mx-auto flex h-14 max-w-6xl items-center gap-8 px-4">
        <Link href="/" className="flex items-center gap-2 font-semibold tracking-tight" aria-label="Pipewright home">
          <Logo />
          <span>Pipewright</span>
        </Link>
        <NavLinks />
        <div className="ml-auto flex items-center gap-2">
          <Suspense fallback={<BackendBadgeFallback />}>
            <BackendBadge />
          </Suspense>
          <UserBadge access={access} />
        </div>
      </div>
    </header>
  );
}
