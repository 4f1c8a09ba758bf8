import Link from "next/link";

/**
 * Every unknown URL. The app's own page rather than Next's built-in one, whose inline <style>
 * carries no CSP nonce and would be blocked (proxy.ts).
 */
export default function NotFound() {
  return (
    <div className="mx-auto max-w-6xl px-4 py-12">
      <h1 className="text-2xl font-semibold tracking-tight">Page not found</h1>
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">There is no page at this address.</p>
      <Link href="/" className="mt-6 inline-block rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-indigo-500">
        Back to the overview
      </Link>
    </div>
  );
}
