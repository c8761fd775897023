import { MIN_PASSWORD_LENGTH } from "@tunnelwatch/db";
import { redirect } from "next/navigation";
import { currentUserId } from "~/server/auth/session.ts";
import { ApiProvider } from "~/trpc/client.tsx";
import { SignUpForm } from "./sign-up-form.tsx";

export const dynamic = "force-dynamic";

export default async function SignUpPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const { callbackUrl } = await searchParams;
  // Only paths on this site: an open redirect would send new users anywhere.
  const next = callbackUrl?.startsWith("/") && !callbackUrl.startsWith("//") ? callbackUrl : "/";
  if (await currentUserId()) redirect(next);
  return (
    <main className="auth-shell">
      <div className="auth-card">
        <h1 className="brand">Tunnelwatch</h1>
        <p className="subtitle">Create your account and your organisation</p>
        <ApiProvider>
          <SignUpForm callbackUrl={next} minPasswordLength={MIN_PASSWORD_LENGTH} />
        </ApiProvider>
        <p className="subtitle" style={{ marginTop: 16, marginBottom: 0 }}>
          Already have an account?{" "}
          <a href={`/sign-in${next !== "/" ? `?callbackUrl=${encodeURIComponent(next)}` : ""}`}>Sign in</a>
        </p>
      </div>
    </main>
  );
}
