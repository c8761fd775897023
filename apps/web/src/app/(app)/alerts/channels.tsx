"use client";
// Alert channels: email recipients or a signed webhook (JSON or Slack format).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, Fragment, useState } from "react";
import styles from "~/components/admin.module.css";
import { ConfirmButton, EnabledBadge, EnableToggle, SectionHeader } from "~/components/admin-ui.tsx";
import { Field, FormButtons, FormError, formErrors } from "~/components/forms.tsx";
import { ShownOnce } from "~/components/shown-once.tsx";
import { PagedTable } from "~/components/table.tsx";
import { EmptyState, QueryView } from "~/components/ui.tsx";
import { errorMessage, type RouterOutputs, useTRPC } from "~/trpc/client.tsx";
import alertStyles from "./alerts.module.css";
import { ChannelTestResult, type ChannelTestState } from "./channel-test.tsx";

export type Channel = RouterOutputs["alerts"]["listChannels"]["items"][number];

const PAGE_SIZE = 50;

function splitRecipients(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((e) => e.trim())
    .filter(Boolean);
}

/** How a receiver knows a delivery came from Tunnelwatch. */
function WebhookSigningHelp() {
  return (
    <>
      Each delivery is a signed HTTP POST: the <code>X-Tunnelwatch-Signature</code> header carries an HMAC-SHA256 of{" "}
      <code>"timestamp.body"</code> with the channel's secret, which is shown once when you add the channel. The
      README's "Alert webhooks" section shows how to verify it.
    </>
  );
}

function ChannelForm({
  channel,
  onDone,
}: {
  channel?: Channel;
  onDone: (result: { name: string; secret: string | null } | null) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<"EMAIL" | "WEBHOOK">(channel && channel.kind !== "EMAIL" ? "WEBHOOK" : "EMAIL");
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.alerts.pathKey() });
  const create = useMutation(
    trpc.alerts.createChannel.mutationOptions({
      onSuccess: async (created) => {
        await invalidate();
        onDone({ name: created.channel.name, secret: created.secret });
      },
    }),
  );
  const update = useMutation(
    trpc.alerts.updateChannel.mutationOptions({
      onSuccess: async () => {
        await invalidate();
        onDone(null);
      },
    }),
  );
  const save = channel ? update : create;
  const errors = formErrors(save.error);
  const prefix = channel ? "edit-channel" : "new-channel";

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const name = String(data.get("name") ?? "");
    const recipients = splitRecipients(String(data.get("recipients") ?? ""));
    const url = String(data.get("url") ?? "").trim();
    const format = String(data.get("format") ?? "json") as "json" | "slack";
    if (channel) {
      update.mutate(
        channel.kind === "EMAIL" ? { id: channel.id, name, recipients } : { id: channel.id, name, url, format },
      );
      return;
    }
    create.mutate(kind === "EMAIL" ? { kind, name, recipients } : { kind, name, url, format });
  }

  return (
    <section className={`panel ${styles.formPanel}`} aria-labelledby={`${prefix}-heading`}>
      <h2 id={`${prefix}-heading`}>{channel ? `Edit ${channel.name}` : "New channel"}</h2>
      <form className="form" onSubmit={onSubmit} noValidate>
        <FormError message={errors.message} />
        {channel ? null : (
          <Field id={`${prefix}-kind`} label="Channel type" name="kind" errors={errors.fields}>
            <select
              id={`${prefix}-kind`}
              value={kind}
              onChange={(event) => {
                setKind(event.target.value as "EMAIL" | "WEBHOOK");
                create.reset();
              }}
            >
              <option value="EMAIL">Email</option>
              <option value="WEBHOOK">Webhook (signed HTTP POST)</option>
            </select>
          </Field>
        )}
        <Field id={`${prefix}-name`} label="Channel name" name="name" errors={errors.fields}>
          <input
            id={`${prefix}-name`}
            name="name"
            defaultValue={channel?.name ?? ""}
            placeholder="e.g. NOC on-call"
            maxLength={100}
          />
        </Field>
        {kind === "EMAIL" && (!channel || channel.kind === "EMAIL") ? (
          <Field
            id={`${prefix}-recipients`}
            label="Recipients"
            name="recipients"
            errors={errors.fields}
            hint="Email addresses, one per line or separated by commas (at most 50)."
          >
            <textarea
              id={`${prefix}-recipients`}
              name="recipients"
              rows={3}
              defaultValue={channel?.recipients.join("\n") ?? ""}
              placeholder="noc@example.com"
            />
          </Field>
        ) : (
          <>
            <Field
              id={`${prefix}-url`}
              label="Webhook URL"
              name="url"
              errors={errors.fields}
              hint={<WebhookSigningHelp />}
            >
              <input
                id={`${prefix}-url`}
                name="url"
                type="url"
                defaultValue={channel?.url ?? ""}
                placeholder="https://hooks.example.com/tunnelwatch"
              />
            </Field>
            <Field id={`${prefix}-format`} label="Payload format" name="format" errors={errors.fields}>
              <select id={`${prefix}-format`} name="format" defaultValue={channel?.format ?? "json"}>
                <option value="json">JSON (for your own receiver, ticketing, chat-ops)</option>
                <option value="slack">Slack incoming webhook</option>
              </select>
            </Field>
          </>
        )}
        <FormButtons
          label={channel ? "Save channel" : "Add channel"}
          pending={save.isPending}
          onCancel={() => onDone(null)}
        />
      </form>
    </section>
  );
}

export function Channels({ canManage }: { canManage: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [page, setPage] = useState(1);
  const [form, setForm] = useState<{ channel?: Channel } | null>(null);
  const [secret, setSecret] = useState<{ title: string; value: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const channels = useQuery({
    ...trpc.alerts.listChannels.queryOptions({ page, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.alerts.pathKey() });
  const onError = (e: unknown) => setError(errorMessage(e));
  const toggle = useMutation(trpc.alerts.updateChannel.mutationOptions({ onSuccess: invalidate, onError }));
  const rotate = useMutation(
    trpc.alerts.rotateSecret.mutationOptions({
      onSuccess: (result, { id }) => {
        const name = channels.data?.items.find((c) => c.id === id)?.name ?? "the channel";
        setSecret({ title: `New signing secret of ${name}`, value: result.secret });
      },
      onError,
    }),
  );
  const remove = useMutation(trpc.alerts.deleteChannel.mutationOptions({ onSuccess: invalidate, onError }));
  const [tests, setTests] = useState<Record<string, ChannelTestState>>({});
  const setTest = (id: string, test: ChannelTestState) => setTests((all) => ({ ...all, [id]: test }));
  const sendTest = useMutation(
    trpc.alerts.testChannel.mutationOptions({
      onMutate: ({ id }) => setTest(id, { state: "sending" }),
      onSuccess: (outcome, { id }) => setTest(id, { state: "done", outcome }),
      onError: (e, { id }) => setTest(id, { state: "error", message: errorMessage(e) }),
    }),
  );

  return (
    <section className="panel" aria-labelledby="channels-heading">
      <SectionHeader id="channels-heading" title="Channels">
        {canManage && !form ? (
          <button type="button" className="button small" onClick={() => setForm({})}>
            Add channel
          </button>
        ) : null}
      </SectionHeader>
      {secret ? (
        <ShownOnce title={secret.title} value={secret.value} testId="new-secret" onDismiss={() => setSecret(null)}>
          <p className="small muted">Your receiver verifies each delivery's signature with this secret.</p>
        </ShownOnce>
      ) : null}
      {form ? (
        <ChannelForm
          key={form.channel?.id ?? "new"}
          channel={form.channel}
          onDone={(result) => {
            setForm(null);
            if (result?.secret) setSecret({ title: `Signing secret of ${result.name}`, value: result.secret });
          }}
        />
      ) : null}
      <FormError message={error} />
      <QueryView query={channels} loadingLabel="Loading channels…">
        {(data) =>
          data.items.length === 0 ? (
            <EmptyState title="No channels yet">
              {canManage
                ? "Add an email list or a webhook, then a rule that sends to it."
                : "An admin adds the email lists and webhooks alerts go to."}
            </EmptyState>
          ) : (
            <PagedTable
              columns={["Name", "Type", "Destination", "Rules", "Status"]}
              actions={canManage}
              page={data}
              onPage={setPage}
            >
              {data.items.map((channel) => {
                const test = tests[channel.id];
                return (
                  <Fragment key={channel.id}>
                    <tr className={test ? alertStyles.hasTestResult : undefined}>
                      <td>{channel.name}</td>
                      <td>
                        {channel.kind === "EMAIL" ? "email" : channel.format === "slack" ? "Slack webhook" : "webhook"}
                      </td>
                      <td className="small">
                        {channel.kind === "EMAIL" ? (
                          channel.recipients.join(", ")
                        ) : (
                          <span className="mono">{channel.url}</span>
                        )}
                        {channel.hasSecret ? <div className="muted">signed</div> : null}
                      </td>
                      <td>{channel.ruleCount}</td>
                      <td>
                        <EnabledBadge enabled={channel.isEnabled} />
                      </td>
                      {canManage ? (
                        <td>
                          <div className={styles.actions}>
                            <EnableToggle
                              enabled={channel.isEnabled}
                              onToggle={(isEnabled) => toggle.mutate({ id: channel.id, isEnabled })}
                            />
                            <button
                              type="button"
                              className="button small secondary"
                              disabled={test?.state === "sending"}
                              title="Send a test alert through this channel now"
                              onClick={() => sendTest.mutate({ id: channel.id })}
                            >
                              {test?.state === "sending" ? "Sending…" : "Send test"}
                            </button>
                            <button
                              type="button"
                              className="button small secondary"
                              onClick={() => setForm({ channel })}
                            >
                              Edit
                            </button>
                            {channel.kind !== "EMAIL" ? (
                              <ConfirmButton
                                className="button small secondary"
                                confirm={`Replace the signing secret of ${channel.name}? Deliveries are signed with the new one at once: update your receiver.`}
                                onConfirm={() => rotate.mutate({ id: channel.id })}
                              >
                                Rotate secret
                              </ConfirmButton>
                            ) : null}
                            <ConfirmButton
                              confirm={`Delete ${channel.name}? ${channel.ruleCount ? `${channel.ruleCount} rule(s) stop sending to it.` : ""}`}
                              onConfirm={() => remove.mutate({ id: channel.id })}
                            >
                              Delete
                            </ConfirmButton>
                          </div>
                        </td>
                      ) : null}
                    </tr>
                    {test ? (
                      <tr className={alertStyles.testResultRow}>
                        <td colSpan={6}>
                          <ChannelTestResult test={test} isEmail={channel.kind === "EMAIL"} />
                        </td>
                      </tr>
                    ) : null}
                  </Fragment>
                );
              })}
            </PagedTable>
          )
        }
      </QueryView>
    </section>
  );
}
