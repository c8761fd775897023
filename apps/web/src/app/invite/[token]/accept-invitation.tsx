"use client";
// Accepts the invitation for the signed-in person, then switches the dashboard to that organisation.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { signOut } from "next-auth/react";
import { setTenantCookie } from "~/app/(app)/organisations/new/tenant-cookie.ts";
import { errorMessage, useTRPC } from "~/trpc/client.tsx";

export function AcceptInvitation({ token, signInAgainUrl }: { token: string; signInAgainUrl: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const accept = useMutation(
    trpc.tenants.acceptInvitation.mutationOptions({
      onSuccess: (tenant) => {
        setTenantCookie(tenant.slug);
        router.push("/");
        router.refresh();
      },
    }),
  );
  const isWrongAccount = (accept.error as { data?: { code?: string } } | null)?.data?.code === "FORBIDDEN";
  return (
    <div style={{ display: "grid", gap: 12 }}>
      {accept.error ? (
        <div className="error" role="alert" style={{ marginBottom: 0 }}>
          {errorMessage(accept.error)}
        </div>
      ) : null}
      {accept.isSuccess ? (
        <p role="status" style={{ fontSize: 14 }}>
          Welcome to {accept.data.name}. Opening its dashboard…
        </p>
      ) : (
        <button type="button" className="button" disabled={accept.isPending} onClick={() => accept.mutate({ token })}>
          {accept.isPending ? "Joining…" : "Accept invitation"}
        </button>
      )}
      {isWrongAccount ? (
        <button
          type="button"
          className="button"
          style={{ background: "#fff", color: "var(--text)", border: "1px solid var(--border)" }}
          onClick={() => signOut({ callbackUrl: signInAgainUrl })}
        >
          Sign out and use another account
        </button>
      ) : null}
    </div>
  );
}
