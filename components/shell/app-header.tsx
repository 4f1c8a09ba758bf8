import Link from "next/link";
import { Suspense } from "react";
import { UserBadge } from "@/components/access/user-badge";
import type { Access } from "@/lib/auth/identity";
import { BackendBadge, BackendBadgeFallback } from "./backend-badge";
import { NavLinks } from "./nav-links";
import { Logo } from "./logo";

/**
 * The app's header, on one line from 1024 px up: the navigation never wraps, the word mark shows
 * where there is room for it, and the backend badge names only the region (backend-badge.tsx).
 */
export function AppHeader({ access }: { access: Access }) {
  return (
    <header data-app-header className="sticky top-0 z-20 border-b border-slate-200 bg-white/90 backdrop-blur dark:border-slate-800 dark:bg-slate-950/90">
      <div className="mx-auto flex h-14 max-w-6xl items-center gap-6 px-4">
        <Link href="/" className="flex items-center gap-2 font-semibold tracking-tight" aria-label="Pipewright home">
          <Logo />
          {/* The link's name is its aria-label; the word shows where the header has room for it. */}
          <span className="hidden xl:inline">Pipewright</span>
        </Link>
        <NavLinks />
        <div className="ml-auto flex shrink-0 items-center gap-2 whitespace-nowrap">
          <Suspense fallback={<BackendBadgeFallback />}>
            <BackendBadge />
          </Suspense>
          <UserBadge access={access} />
        </div>
      </div>
    </header>
  );
}
