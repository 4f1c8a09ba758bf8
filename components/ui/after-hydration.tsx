"use client";

import { useEffect, useState, type ComponentType, type ReactNode } from "react";

/**
 * A browser component whose code is fetched only once the page has hydrated: until it is there,
 * the server-rendered `fallback` stays on screen, then the component replaces it in one commit.
 * For parts the first paint does not need, so that their JavaScript (and the libraries only they
 * use) is not part of the route's first load. `load` must be a dynamic `import()`, which the
 * bundler turns into a chunk of its own
 * (https://nextjs.org/docs/app/guides/lazy-loading#importing-client-components).
 */
export function afterHydration<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P & { fallback: ReactNode }> {
  // Once fetched, later mounts (a client-side navigation back) render it at once.
  let fetched: ComponentType<P> | undefined;
  function AfterHydration({ fallback, ...props }: P & { fallback: ReactNode }) {
    // Hydration renders what the server rendered (the fallback): `fetched` is always unset then.
    const [Component, setComponent] = useState(() => fetched);
    useEffect(() => {
      if (Component) return;
      let mounted = true;
      void load().then((loaded) => {
        fetched = loaded;
        if (mounted) setComponent(() => loaded);
      });
      return () => {
        mounted = false;
      };
    }, [Component]);
    return Component ? <Component {...(props as P)} /> : fallback;
  }
  return AfterHydration;
}
