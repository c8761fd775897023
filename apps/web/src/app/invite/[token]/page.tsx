import { currentUserId } from "~/server/auth/session.ts";
import { ApiProvider } from "~/trpc/client.tsx";
import { AcceptInvitation } from "./accept-invitation.tsx";

export const dynamic = "force-dynamic";

// The link's token is checked only when accepted (tenants.acceptInvitation): this page reads
// nothing, so a guessed link learns nothing without a signed-in account for the invited address.
export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const here = `/invite/${encodeURIComponent(token)}`;
  const back = encodeURIComponent(here);
  const isSignedIn = Boolean(await currentUserId());
  return (
    <main className="auth-shell">
      <div className="auth-card">
        <h1 className="brand">Tunnelwatch</h1>
        <p className="subtitle">You have been invited to join an organisation.</p>
        {isSignedIn ? (
          <ApiProvider>
            <AcceptInvitation token={token} signInAgainUrl={`/sign-in?callbackUrl=${back}`} />
          </ApiProvider>
        ) : (
          <>
            <p style={{ fontSize: 14 }}>
              Sign in with the email address the invitation was sent to, or create an account with that address, then
              accept the invitation on this page.
            </p>
            <p style={{ display: "grid", gap: 8 }}>
              <a
                className="button"
                href={`/sign-in?callbackUrl=${back}`}
                style={{ textAlign: "center", textDecoration: "none" }}
              >
                Sign in
              </a>
              <a
                className="button"
                href={`/sign-up?callbackUrl=${back}`}
                style={{
                  textAlign: "center",
                  textDecoration: "none",
                  background: "#fff",
                  color: "var(--text)",
                  border: "1px solid var(--border)",
                }}
              >
                Create an account
              </a>
            </p>
            <p className="muted" style={{ fontSize: 12 }}>
              Creating an account also creates an organisation of your own; you can ignore it.
            </p>
          </>
        )}
      </div>
    </main>
  );
}
