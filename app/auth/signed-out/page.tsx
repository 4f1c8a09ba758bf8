import type { Metadata } from "next";

export const metadata: Metadata = { title: "Signed out" };

/** Where sign-out lands: the session is over on the server. */
export default function SignedOutPage() {
  return (
    <div className="mx-auto max-w-xl px-4 py-16">
      <h1 className="text-2xl font-semibold tracking-tight">You are signed out</h1>
      <p className="mt-3 text-slate-600 dark:text-slate-400">Your Pipewright session has ended on the server.</p>
      <p className="mt-6">
        {/* A plain link: sign-in is a redirect to the identity provider, which Next's prefetch must not fetch. */}
        <a href="/auth/sign-in" className="font-medium text-blue-700 underline dark:text-blue-400">
          Sign in again
        </a>
      </p>
    </div>
  );
}
