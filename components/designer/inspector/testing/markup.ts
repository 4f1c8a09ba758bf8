/**
 * A component's markup once everything it loads on demand has loaded (React.lazy parts render
 * their Suspense fallback under renderToStaticMarkup): React's static prerender waits for them
 * (https://react.dev/reference/react-dom/static/prerender).
 */
import type { ReactNode } from "react";
import { prerender } from "react-dom/static";

export async function loadedMarkup(element: ReactNode): Promise<string> {
  const { prelude } = await prerender(element);
  return new Response(prelude).text();
}
