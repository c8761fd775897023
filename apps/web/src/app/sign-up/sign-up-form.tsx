"use client";
// Sign-up: creates the person and their first organisation (they own it), then signs them in.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { type FormEvent, useState } from "react";
import { setTenantCookie } from "~/app/(app)/organisations/new/tenant-cookie.ts";
import { formErrors } from "~/components/forms.tsx";
import { useTRPC } from "~/trpc/client.tsx";

function FieldMessage({ message }: { message: string | undefined }) {
  if (!message) return null;
  return (
    <div className="error" role="alert" style={{ marginTop: -10 }}>
      {message}
    </div>
  );
}

export function SignUpForm({ callbackUrl, minPasswordLength }: { callbackUrl: string; minPasswordLength: number }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [signInError, setSignInError] = useState<string | null>(null);
  const [isSigningIn, setSigningIn] = useState(false);
  const signUp = useMutation(trpc.tenants.signUp.mutationOptions());
  const errors = formErrors(signUp.error);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    setSignInError(null);
    let created: Awaited<ReturnType<typeof signUp.mutateAsync>>;
    try {
      created = await signUp.mutateAsync({
        name: String(form.get("name") ?? ""),
        email,
        password,
        organisation: String(form.get("organisation") ?? ""),
      });
    } catch {
      return; // shown from signUp.error
    }
    setSigningIn(true);
    const result = await signIn("credentials", { email, password, redirect: false });
    if (!result?.ok || result.error) {
      setSigningIn(false);
      setSignInError(
        `Your account is created, but signing in failed (${result?.error && result.error !== "CredentialsSignin" ? result.error : "try again"}). Sign in with your email and password.`,
      );
      return;
    }
    // An invitation link brought them here: its page picks the organisation after accepting.
    if (callbackUrl === "/") setTenantCookie(created.tenant.slug);
    router.replace(callbackUrl);
    router.refresh();
  }

  const isBusy = signUp.isPending || isSigningIn;
  return (
    <form onSubmit={onSubmit} noValidate>
      {errors.message ? (
        <div className="error" role="alert">
          {errors.message}
          {signUp.error?.message.includes("already exists") ? (
            <>
              {" "}
              <a href={`/sign-in${callbackUrl !== "/" ? `?callbackUrl=${encodeURIComponent(callbackUrl)}` : ""}`}>
                Sign in
              </a>
            </>
          ) : null}
        </div>
      ) : null}
      {signInError ? (
        <div className="error" role="alert">
          {signInError} <a href="/sign-in">Sign in</a>
        </div>
      ) : null}
      <label className="field">
        Name
        <input name="name" autoComplete="name" required maxLength={100} />
      </label>
      <FieldMessage message={errors.fields.name} />
      <label className="field">
        Email
        <input name="email" type="email" autoComplete="username" required maxLength={320} />
      </label>
      <FieldMessage message={errors.fields.email} />
      <label className="field">
        Password
        <input name="password" type="password" autoComplete="new-password" required minLength={minPasswordLength} />
      </label>
      <FieldMessage message={errors.fields.password} />
      <p className="muted" style={{ fontSize: 12, marginTop: -10 }}>
        At least {minPasswordLength} characters.
      </p>
      <label className="field">
        Organisation
        <input
          name="organisation"
          autoComplete="organization"
          required
          maxLength={100}
          placeholder="e.g. Acme Networks"
        />
      </label>
      <FieldMessage message={errors.fields.organisation} />
      <button className="button" type="submit" disabled={isBusy}>
        {signUp.isPending ? "Creating account…" : isSigningIn ? "Signing in…" : "Create account"}
      </button>
    </form>
  );
}
