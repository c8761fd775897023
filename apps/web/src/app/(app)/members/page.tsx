"use client";
// Members and invitations: roles, removal, leaving, invitation links (shown once).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import styles from "~/components/admin.module.css";
import { ConfirmButton, confirmed, formatDate, type Role, SectionHeader, useRole } from "~/components/admin-ui.tsx";
import { Field, FormButtons, FormError, formErrors } from "~/components/forms.tsx";
import { ShownOnce } from "~/components/shown-once.tsx";
import { PagedTable } from "~/components/table.tsx";
import { EmptyState, QueryView, TimeAgo } from "~/components/ui.tsx";
import { urlStatePage } from "~/components/url-state-page.tsx";
import { useUrlState } from "~/components/use-url-state.ts";
import { errorMessage, useTRPC } from "~/trpc/client.tsx";
import { clearTenantCookie } from "../organisations/new/tenant-cookie.ts";

const ROLES: Array<{ value: Role; label: string; description: string }> = [
  { value: "VIEWER", label: "Viewer", description: "sees everything, changes nothing" },
  { value: "OPERATOR", label: "Operator", description: "also acknowledges, comments on and resolves incidents" },
  { value: "ADMIN", label: "Admin", description: "also manages accounts, alerts, tokens and members" },
  { value: "OWNER", label: "Owner", description: "also manages owners" },
];
const PAGE_SIZE = 50;

function InviteForm({ canInviteOwner }: { canInviteOwner: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [link, setLink] = useState<{ email: string; url: string; expiresAt: Date } | null>(null);
  const invite = useMutation(
    trpc.members.invite.mutationOptions({
      onSuccess: async (created) => {
        setLink({
          email: created.email,
          url: `${window.location.origin}${created.path}`,
          expiresAt: created.expiresAt,
        });
        await queryClient.invalidateQueries({ queryKey: trpc.members.invitations.pathKey() });
      },
    }),
  );
  const errors = formErrors(invite.error);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    invite.mutate(
      { email: String(data.get("email") ?? "").trim(), role: String(data.get("role")) as Role },
      { onSuccess: () => form.reset() },
    );
  }

  return (
    <>
      {link ? (
        <ShownOnce title="Invitation link" value={link.url} testId="invitation-link" onDismiss={() => setLink(null)}>
          <p className="small muted">
            Send it to <strong>{link.email}</strong>. It works once, until {formatDate(link.expiresAt)}, and only for
            someone signed in with that address (they can create an account from the link).
          </p>
        </ShownOnce>
      ) : null}
      <section className={`panel ${styles.formPanel}`} aria-labelledby="invite-heading">
        <h2 id="invite-heading">Invite someone</h2>
        <form className="form" onSubmit={onSubmit} noValidate>
          <FormError message={errors.message} />
          <div className={styles.row2}>
            <Field id="invite-email" label="Email" name="email" errors={errors.fields}>
              <input id="invite-email" name="email" type="email" placeholder="name@example.com" required />
            </Field>
            <Field id="invite-role" label="Role" name="role" errors={errors.fields}>
              <select id="invite-role" name="role" defaultValue="VIEWER">
                {ROLES.filter((r) => r.value !== "OWNER" || canInviteOwner).map((r) => (
                  <option key={r.value} value={r.value}>
                    {r.label}: {r.description}
                  </option>
                ))}
              </select>
            </Field>
          </div>
          <FormButtons label="Create invitation link" busyLabel="Creating link…" pending={invite.isPending} />
        </form>
      </section>
    </>
  );
}

function Invitations() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [page, setPage] = useState(1);
  const [error, setError] = useState<string | null>(null);
  const invitations = useQuery({
    ...trpc.members.invitations.queryOptions({ page, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  const revoke = useMutation(
    trpc.members.revokeInvitation.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.members.invitations.pathKey() }),
      onError: (e) => setError(errorMessage(e)),
    }),
  );
  return (
    <section className="panel" aria-labelledby="invitations-heading">
      <h2 id="invitations-heading">Pending invitations</h2>
      <FormError message={error} />
      <QueryView query={invitations} loadingLabel="Loading invitations…">
        {(data) =>
          data.items.length === 0 ? (
            <EmptyState title="No pending invitations">
              Links you create above appear here until used or expired.
            </EmptyState>
          ) : (
            <PagedTable columns={["Email", "Role", "Invited by", "Expires"]} actions page={data} onPage={setPage}>
              {data.items.map((invitation) => (
                <tr key={invitation.id}>
                  <td>{invitation.email}</td>
                  <td>{invitation.role.toLowerCase()}</td>
                  <td>
                    {invitation.invitedBy?.name ?? invitation.invitedBy?.email ?? <span className="muted">–</span>}
                    <div className="small muted">
                      <TimeAgo at={invitation.createdAt} />
                    </div>
                  </td>
                  <td>{formatDate(invitation.expiresAt)}</td>
                  <td>
                    <ConfirmButton
                      disabled={revoke.isPending && revoke.variables?.id === invitation.id}
                      beforeConfirm={() => setError(null)}
                      confirm={`Revoke the invitation for ${invitation.email}? The link stops working.`}
                      onConfirm={() => revoke.mutate({ id: invitation.id })}
                    >
                      Revoke
                    </ConfirmButton>
                  </td>
                </tr>
              ))}
            </PagedTable>
          )
        }
      </QueryView>
    </section>
  );
}

function MembersInner() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const { can } = useRole();
  const isAdmin = can("ADMIN");
  const isOwner = can("OWNER");
  const [state, setState] = useUrlState({ q: "", page: "1" });
  const [error, setError] = useState<string | null>(null);
  const page = Math.max(1, Number(state.page) || 1);
  const members = useQuery({
    ...trpc.members.list.queryOptions({ page, pageSize: PAGE_SIZE, ...(state.q ? { q: state.q } : {}) }),
    placeholderData: keepPreviousData,
  });
  const onError = (e: unknown) => setError(errorMessage(e));
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.members.pathKey() });
  const changeRole = useMutation(trpc.members.changeRole.mutationOptions({ onSuccess: invalidate, onError }));
  const remove = useMutation(trpc.members.remove.mutationOptions({ onSuccess: invalidate, onError }));
  const leave = useMutation(
    trpc.members.leave.mutationOptions({
      onSuccess: () => {
        clearTenantCookie();
        queryClient.clear();
        router.push("/");
        router.refresh();
      },
      onError,
    }),
  );

  return (
    <>
      {isAdmin ? <InviteForm canInviteOwner={isOwner} /> : null}
      <section className="panel" aria-labelledby="members-heading">
        <SectionHeader id="members-heading" title="Members">
          <input
            aria-label="Search members"
            placeholder="Search by name or email"
            defaultValue={state.q}
            onKeyDown={(event) => {
              if (event.key === "Enter") setState({ q: event.currentTarget.value.trim() });
            }}
          />
        </SectionHeader>
        <FormError message={error} />
        <QueryView query={members} loadingLabel="Loading members…">
          {(data) =>
            data.items.length === 0 ? (
              <EmptyState title="No members match">Clear the search to see everyone.</EmptyState>
            ) : (
              <PagedTable
                columns={["Name", "Email", "Role", "Joined"]}
                actions
                page={data}
                onPage={(next) => setState({ page: String(next) })}
              >
                {data.items.map((member) => {
                  const isLastOwner = member.role === "OWNER" && data.ownerCount <= 1;
                  const canEdit = isAdmin && (isOwner || member.role !== "OWNER");
                  return (
                    <tr key={member.id}>
                      <td>
                        {member.name ?? <span className="muted">–</span>}
                        {member.isMe ? <span className="badge">you</span> : null}
                      </td>
                      <td>{member.email}</td>
                      <td>
                        {canEdit ? (
                          <select
                            aria-label={`Role of ${member.email}`}
                            value={member.role}
                            disabled={isLastOwner || (changeRole.isPending && changeRole.variables?.id === member.id)}
                            title={isLastOwner ? "The last owner: make someone else an owner first." : undefined}
                            onChange={(event) => {
                              setError(null);
                              const role = event.target.value as Role;
                              if (
                                member.isMe &&
                                !confirmed(
                                  `Change your own role to ${role.toLowerCase()}? You may lose access to this page.`,
                                )
                              ) {
                                return;
                              }
                              changeRole.mutate({ id: member.id, role });
                            }}
                          >
                            {ROLES.filter((r) => r.value !== "OWNER" || isOwner).map((r) => (
                              <option key={r.value} value={r.value}>
                                {r.label}
                              </option>
                            ))}
                          </select>
                        ) : (
                          member.role.toLowerCase()
                        )}
                      </td>
                      <td>{formatDate(member.joinedAt)}</td>
                      <td>
                        {member.isMe ? (
                          <ConfirmButton
                            className="button small secondary"
                            disabled={isLastOwner || leave.isPending}
                            title={
                              isLastOwner ? "The last owner cannot leave: make someone else an owner first." : undefined
                            }
                            beforeConfirm={() => setError(null)}
                            confirm="Leave this organisation? You lose access until someone invites you again."
                            onConfirm={() => leave.mutate()}
                          >
                            Leave
                          </ConfirmButton>
                        ) : canEdit ? (
                          <ConfirmButton
                            disabled={isLastOwner || (remove.isPending && remove.variables?.id === member.id)}
                            beforeConfirm={() => setError(null)}
                            confirm={`Remove ${member.email} from this organisation? They lose access at once.`}
                            onConfirm={() => remove.mutate({ id: member.id })}
                          >
                            Remove
                          </ConfirmButton>
                        ) : null}
                      </td>
                    </tr>
                  );
                })}
              </PagedTable>
            )
          }
        </QueryView>
      </section>
      {isAdmin ? <Invitations /> : null}
    </>
  );
}

export default urlStatePage(MembersInner, {
  title: "Members",
  description:
    "Viewers read; operators act on incidents; admins manage accounts, alerts, tokens and members; owners also manage owners.",
});
