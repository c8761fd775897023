"use client";
// The add / edit form of a cloud account. Credentials are write-only: the edit form never shows
// the stored ones and replaces them only when new ones are typed in.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, type MouseEvent, useState } from "react";
import styles from "~/components/admin.module.css";
import { Field, FormButtons, FormError, formErrors } from "~/components/forms.tsx";
import { type RouterInputs, type RouterOutputs, useTRPC } from "~/trpc/client.tsx";
import { TestResultView } from "./test-result.tsx";

type Inputs = RouterInputs["accounts"];
export type Account = RouterOutputs["accounts"]["byId"];
export type Provider = "AWS" | "ALIBABA" | "MULESOFT";

export const PROVIDER_LABELS: Record<Provider, string> = {
  AWS: "AWS",
  ALIBABA: "Alibaba Cloud",
  MULESOFT: "MuleSoft Anypoint",
};

const CREDENTIAL_FIELDS: Record<
  Provider,
  Array<{ key: string; label: string; secret: boolean; optional?: boolean; hint?: string }>
> = {
  AWS: [
    {
      key: "accessKeyId",
      label: "Access key ID",
      secret: false,
      hint: "An IAM user's key (AKIA…) or temporary credentials (ASIA…).",
    },
    { key: "secretAccessKey", label: "Secret access key", secret: true },
    {
      key: "sessionToken",
      label: "Session token",
      secret: true,
      optional: true,
      hint: "Only for temporary (ASIA…) credentials.",
    },
  ],
  ALIBABA: [
    { key: "accessKeyId", label: "AccessKey ID", secret: false, hint: "A RAM user's AccessKey (LTAI…)." },
    { key: "accessKeySecret", label: "AccessKey secret", secret: true },
  ],
  MULESOFT: [
    { key: "clientId", label: "Client ID", secret: false, hint: "A connected app with the CloudHub VPN read scope." },
    { key: "clientSecret", label: "Client secret", secret: true },
    { key: "orgId", label: "Organisation ID", secret: false, hint: "The Anypoint organisation (business group) ID." },
  ],
};

const REGION_HINTS: Record<Provider, string> = {
  AWS: "Comma-separated region ids, e.g. us-east-1, eu-west-1.",
  ALIBABA: "Comma-separated region ids, e.g. cn-hangzhou, ap-southeast-1.",
  MULESOFT:
    'Optional: "eu" or "gov" for the EU or US Government control plane; VPC regions (us-east-1) to limit the VPCs read.',
};

const POLICY_HINTS: Record<Provider, string> = {
  AWS: "Read-only policy: ec2:DescribeVpnConnections, ec2:DescribeCustomerGateways, ec2:GetVpnTunnelReplacementStatus, logs:FilterLogEvents and logs:DescribeLogStreams on the tunnel log groups; optionally health:DescribeEvents, DescribeEventDetails and DescribeAffectedEntities.",
  ALIBABA:
    "Read-only RAM policy: vpc:DescribeVpnConnections, DescribeVpnGateways, DescribeVpnRouteEntries, DescribeVpnConnectionLogs and DiagnoseVpnConnections.",
  MULESOFT: "Needs a connected app (client credentials) allowed to read CloudHub VPNs of the organisation.",
};

function parseRegions(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((r) => r.trim())
    .filter(Boolean);
}

function credentialsFrom(provider: Provider, data: FormData): Record<string, string> | null {
  const values: Record<string, string> = {};
  for (const field of CREDENTIAL_FIELDS[provider]) {
    const value = String(data.get(`cred-${field.key}`) ?? "").trim();
    if (value) values[field.key] = value;
  }
  return Object.keys(values).length ? values : null;
}

/** The create input, typed by provider: the server checks each provider's credential fields. */
function draftOf(provider: Provider, data: FormData) {
  const common = {
    name: String(data.get("name") ?? ""),
    regions: parseRegions(String(data.get("regions") ?? "")),
    endpointOverride: String(data.get("endpointOverride") ?? "").trim() || null,
    statusIntervalSec: Number(data.get("statusIntervalSec") || 60),
    logsIntervalSec: Number(data.get("logsIntervalSec") || 60),
  };
  const c = credentialsFrom(provider, data) ?? {};
  const text = (key: string) => c[key] ?? "";
  switch (provider) {
    case "AWS":
      return {
        ...common,
        provider,
        credentials: {
          accessKeyId: text("accessKeyId"),
          secretAccessKey: text("secretAccessKey"),
          ...(c.sessionToken ? { sessionToken: c.sessionToken } : {}),
        },
      } satisfies Inputs["create"];
    case "ALIBABA":
      return {
        ...common,
        provider,
        credentials: { accessKeyId: text("accessKeyId"), accessKeySecret: text("accessKeySecret") },
      } satisfies Inputs["create"];
    case "MULESOFT":
      return {
        ...common,
        provider,
        credentials: { clientId: text("clientId"), clientSecret: text("clientSecret"), orgId: text("orgId") },
      } satisfies Inputs["create"];
  }
}

export function AccountForm({
  account,
  onDone,
}: {
  /** The account to edit; absent to add one. */
  account?: Account;
  onDone: (message: string) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [provider, setProvider] = useState<Provider>(account?.provider ?? "AWS");
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.accounts.pathKey() });
  const create = useMutation(
    trpc.accounts.create.mutationOptions({
      onSuccess: async (created) => {
        await invalidate();
        onDone(`${created.name} added: its first sync starts now.`);
      },
    }),
  );
  const update = useMutation(
    trpc.accounts.update.mutationOptions({
      onSuccess: async (updated) => {
        await invalidate();
        onDone(`${updated.name} saved.`);
      },
    }),
  );
  const test = useMutation(trpc.accounts.testCredentials.mutationOptions());
  const save = account ? update : create;
  const errors = formErrors(save.error ?? test.error);
  const isEdit = account !== undefined;
  const prefix = isEdit ? "edit-account" : "new-account";

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    test.reset();
    if (!account) {
      create.mutate(draftOf(provider, data));
      return;
    }
    const draft = draftOf(provider, data);
    const hasNewCredentials = credentialsFrom(provider, data) !== null;
    const { credentials, ...fields } = draft;
    update.mutate({ ...fields, id: account.id, ...(hasNewCredentials ? { credentials } : {}) } as Inputs["update"]);
  }

  function onTest(event: MouseEvent<HTMLButtonElement>) {
    const form = event.currentTarget.form;
    if (!form) return;
    save.reset();
    const draft = draftOf(provider, new FormData(form));
    test.mutate({
      provider: draft.provider,
      regions: draft.regions,
      credentials: draft.credentials,
      endpointOverride: draft.endpointOverride,
    } as Inputs["testCredentials"]);
  }

  return (
    <section className={`panel ${styles.formPanel}`} aria-labelledby={`${prefix}-heading`}>
      <h2 id={`${prefix}-heading`}>{isEdit ? `Edit ${account.name}` : "Add cloud account"}</h2>
      <form className="form" onSubmit={onSubmit} noValidate>
        <FormError message={errors.message} />
        <Field
          id={`${prefix}-provider`}
          label="Provider"
          name="provider"
          errors={errors.fields}
          hint={isEdit ? "The provider of an account cannot change." : undefined}
        >
          <select
            id={`${prefix}-provider`}
            name="provider"
            value={provider}
            disabled={isEdit}
            onChange={(event) => {
              setProvider(event.target.value as Provider);
              test.reset();
              save.reset();
            }}
          >
            {(Object.keys(PROVIDER_LABELS) as Provider[]).map((p) => (
              <option key={p} value={p}>
                {PROVIDER_LABELS[p]}
              </option>
            ))}
          </select>
        </Field>
        <Field
          id={`${prefix}-name`}
          label="Name"
          name="name"
          errors={errors.fields}
          hint="How this account is shown in lists."
        >
          <input
            id={`${prefix}-name`}
            name="name"
            defaultValue={account?.name ?? ""}
            maxLength={100}
            placeholder="e.g. Production (123456789012)"
            required
          />
        </Field>
        <Field
          id={`${prefix}-regions`}
          label="Regions"
          name="regions"
          errors={errors.fields}
          hint={REGION_HINTS[provider]}
        >
          <input
            id={`${prefix}-regions`}
            name="regions"
            defaultValue={account?.regions.join(", ") ?? ""}
            placeholder={
              provider === "ALIBABA"
                ? "cn-hangzhou, ap-southeast-1"
                : provider === "AWS"
                  ? "us-east-1, eu-west-1"
                  : "eu"
            }
          />
        </Field>
        <Field
          id={`${prefix}-endpoint`}
          label="Endpoint override"
          name="endpointOverride"
          errors={errors.fields}
          hint="Optional: another API endpoint (the simulator, a proxy). Leave empty for the provider's own API."
        >
          <input
            id={`${prefix}-endpoint`}
            name="endpointOverride"
            type="url"
            defaultValue={account?.endpointOverride ?? ""}
            placeholder="https://…"
          />
        </Field>
        <fieldset className="form">
          <legend className="small">
            Credentials{isEdit ? " (leave empty to keep the stored ones; they are never shown)" : ""}
          </legend>
          <p className={styles.hint}>{POLICY_HINTS[provider]} Stored encrypted; never shown again.</p>
          {CREDENTIAL_FIELDS[provider].map((field) => (
            <Field
              key={`${provider}-${field.key}`}
              id={`${prefix}-cred-${field.key}`}
              label={field.label}
              name={`credentials.${field.key}`}
              errors={errors.fields}
              hint={field.hint}
            >
              <input
                id={`${prefix}-cred-${field.key}`}
                name={`cred-${field.key}`}
                type={field.secret ? "password" : "text"}
                autoComplete="off"
                spellCheck={false}
                placeholder={isEdit ? "unchanged" : field.optional ? "optional" : undefined}
              />
            </Field>
          ))}
        </fieldset>
        <div className={styles.row2}>
          <Field
            id={`${prefix}-status-interval`}
            label="Status poll interval (s)"
            name="statusIntervalSec"
            errors={errors.fields}
          >
            <input
              id={`${prefix}-status-interval`}
              name="statusIntervalSec"
              type="number"
              min={30}
              max={3600}
              defaultValue={account?.statusIntervalSec ?? 60}
            />
          </Field>
          <Field
            id={`${prefix}-logs-interval`}
            label="Log pull interval (s)"
            name="logsIntervalSec"
            errors={errors.fields}
          >
            <input
              id={`${prefix}-logs-interval`}
              name="logsIntervalSec"
              type="number"
              min={30}
              max={3600}
              defaultValue={account?.logsIntervalSec ?? 60}
            />
          </Field>
        </div>
        {test.data ? <TestResultView result={test.data} /> : null}
        <FormButtons
          label={isEdit ? "Save changes" : "Add account"}
          pending={save.isPending}
          onCancel={() => onDone("")}
        >
          {!isEdit ? (
            <button type="button" className="button secondary" disabled={test.isPending} onClick={onTest}>
              {test.isPending ? "Testing… (up to 20 s)" : "Test credentials"}
            </button>
          ) : null}
        </FormButtons>
      </form>
    </section>
  );
}
