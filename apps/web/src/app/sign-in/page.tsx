import { redirect } from "next/navigation";
import { SIGN_IN_ERRORS } from "~/server/auth/options.ts";
import { currentUserId } from "~/server/auth/session.ts";
import { SignInForm } from "./sign-in-form.tsx";

export const dynamic = "force-dynamic";

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  if (await currentUserId()) redirect("/");
  const { error, callbackUrl } = await searchParams;
  // Only the messages we wrote are shown; anything else becomes the generic one.
  const message = error
    ? (SIGN_IN_ERRORS[error] ?? (error.startsWith("Too many") ? error : SIGN_IN_ERRORS.CredentialsSignin))
    : undefined;
  return (
    <main className="auth-shell">
      <div className="auth-card">
        <h1 className="brand">Tunnelwatch</h1>
        <p className="subtitle">Sign in to your network team's dashboard</p>
        <SignInForm initialError={message} callbackUrl={callbackUrl?.startsWith("/") ? callbackUrl : "/"} />
        <p className="subtitle" style={{ marginTop: 16, marginBottom: 0 }}>
          New to Tunnelwatch?{" "}
          <a href={`/sign-up${callbackUrl?.startsWith("/") ? `?callbackUrl=${encodeURIComponent(callbackUrl)}` : ""}`}>
            Create an account
          </a>
        </p>
      </div>
    </main>
  );
}
