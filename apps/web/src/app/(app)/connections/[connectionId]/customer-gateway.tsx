"use client";
// What the tenant says of its customer gateway. The provider reports only its own side; posture
// grades these facts with it (IKE version, DPD, lifetimes, PFS, NAT, who initiates) and the playbooks show
// the gateway vendor's steps.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type CustomerGateway, PLAYBOOK_VARIANT_LABELS } from "@tunnelwatch/core/browser";
import { type FormEvent, useState } from "react";
import { Field, FormButtons, FormError, formErrors } from "~/components/forms.tsx";
import { type RouterOutputs, useTRPC } from "~/trpc/client.tsx";
import styles from "./connection.module.css";

type Detail = RouterOutputs["connections"]["detail"];

const GATEWAY_VARIANTS = ["juniper-srx", "cisco-asa", "cisco-ios", "strongswan"] as const;
const OTHER = "other";

type Flag = "initiates" | "dpdEnabled" | "pfsEnabled" | "natTraversal" | "behindNat" | "isPolicyBased";
type Count = "phase1LifetimeSec" | "phase2LifetimeSec" | "encryptionDomainCount";

const FLAGS: ReadonlyArray<{ name: Flag; label: string; hint: string }> = [
  {
    name: "initiates",
    label: "Initiates the tunnels",
    hint: "Starts IKE and keeps the tunnels up: needed where the provider only responds (AWS startup action add, Anypoint VPN).",
  },
  {
    name: "dpdEnabled",
    label: "Dead peer detection",
    hint: "Off means a dead provider endpoint goes unnoticed until IKE or BGP times out.",
  },
  {
    name: "pfsEnabled",
    label: "PFS in phase 2",
    hint: "The provider side uses PFS; a gateway without it drops at rekeys.",
  },
  { name: "natTraversal", label: "NAT traversal", hint: "UDP 4500 encapsulation." },
  { name: "behindNat", label: "Behind NAT", hint: "Its public address is translated on the way out." },
  {
    name: "isPolicyBased",
    label: "Policy-based",
    hint: "Selects traffic by encryption domain (crypto ACL, proxy IDs).",
  },
];

const COUNTS: ReadonlyArray<{ name: Count; label: string; unit: string }> = [
  { name: "phase1LifetimeSec", label: "Phase 1 lifetime", unit: "s" },
  { name: "phase2LifetimeSec", label: "Phase 2 lifetime", unit: "s" },
  { name: "encryptionDomainCount", label: "Encryption domains", unit: "" },
];

const IKE_VERSIONS = [
  { value: "ikev2", label: "IKEv2" },
  { value: "ikev1", label: "IKEv1" },
] as const;
const IKE_VERSION_HINT =
  "Chooses the lifetimes recommended (MuleSoft's differ by version) and whether they must match the provider's (IKEv1).";

const vendorLabel = (vendor: string) =>
  (GATEWAY_VARIANTS as readonly string[]).includes(vendor)
    ? PLAYBOOK_VARIANT_LABELS[vendor as (typeof GATEWAY_VARIANTS)[number]]
    : vendor;

const flagText = (value: boolean | undefined) => (value === undefined ? "not said" : value ? "yes" : "no");

/** The form's facts, or the fields that are not whole numbers. */
function factsOf(form: FormData): { facts: CustomerGateway } | { invalid: Record<string, string> } {
  const facts: CustomerGateway = {};
  const invalid: Record<string, string> = {};
  const vendor = String(form.get("vendor") ?? "");
  const other = String(form.get("vendorOther") ?? "").trim();
  if (vendor === OTHER) {
    if (other) facts.vendor = other;
    else invalid["customerGateway.vendor"] = "Name the vendor, or pick one of the list.";
  } else if (vendor) {
    facts.vendor = vendor;
  }
  const ikeVersion = String(form.get("ikeVersion") ?? "");
  if (ikeVersion === "ikev1" || ikeVersion === "ikev2") facts.ikeVersion = ikeVersion;
  for (const { name } of FLAGS) {
    const value = String(form.get(name) ?? "");
    if (value === "yes" || value === "no") facts[name] = value === "yes";
  }
  for (const { name } of COUNTS) {
    const value = String(form.get(name) ?? "").trim();
    if (!value) continue;
    if (/^\d+$/.test(value)) facts[name] = Number(value);
    else invalid[`customerGateway.${name}`] = "Enter a whole number.";
  }
  return Object.keys(invalid).length > 0 ? { invalid } : { facts };
}

export function CustomerGatewayPanel({ detail }: { detail: Detail }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const current = useQuery(trpc.tenants.current.queryOptions());
  const [isEditing, setEditing] = useState(false);
  const [invalid, setInvalid] = useState<Record<string, string>>({});
  const facts: CustomerGateway = detail.connection.customerGateway ?? {};
  const isKnownVendor = facts.vendor === undefined || (GATEWAY_VARIANTS as readonly string[]).includes(facts.vendor);
  const [vendorChoice, setVendorChoice] = useState<string>(isKnownVendor ? (facts.vendor ?? "") : OTHER);
  const save = useMutation(
    trpc.connections.setCustomerGateway.mutationOptions({
      onSuccess: async () => {
        setEditing(false);
        await queryClient.invalidateQueries({ queryKey: trpc.connections.pathKey() });
      },
    }),
  );
  const role = current.data?.role;
  const canEdit = role === "OPERATOR" || role === "ADMIN" || role === "OWNER";
  const errors = Object.keys(invalid).length > 0 ? { fields: invalid, message: null } : formErrors(save.error);
  const said = Object.keys(facts).length > 0;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const read = factsOf(new FormData(event.currentTarget));
    if ("invalid" in read) {
      setInvalid(read.invalid);
      return;
    }
    setInvalid({});
    save.mutate({ connectionId: detail.connection.id, customerGateway: read.facts });
  }

  return (
    <section className="panel" aria-labelledby="gateway-heading">
      <h2 id="gateway-heading">Customer gateway</h2>
      <p className="muted small">
        The provider reports only its own side. What you say of the gateway here is graded with it (DPD, lifetimes, PFS,
        NAT, who initiates), and the playbooks show your gateway's steps.
      </p>
      {!isEditing ? (
        <>
          {said ? (
            <dl className={styles.gatewayFacts} data-testid="gateway-facts">
              <div className={styles.gatewayFact}>
                <dt>Vendor</dt>
                <dd>{facts.vendor ? vendorLabel(facts.vendor) : "not said"}</dd>
              </div>
              <div className={styles.gatewayFact}>
                <dt>IKE version</dt>
                <dd>{IKE_VERSIONS.find((v) => v.value === facts.ikeVersion)?.label ?? "not said"}</dd>
              </div>
              {FLAGS.map(({ name, label }) => (
                <div key={name} className={styles.gatewayFact}>
                  <dt>{label}</dt>
                  <dd>{flagText(facts[name])}</dd>
                </div>
              ))}
              {COUNTS.map(({ name, label, unit }) => (
                <div key={name} className={styles.gatewayFact}>
                  <dt>{label}</dt>
                  <dd>{facts[name] === undefined ? "not said" : `${facts[name]}${unit ? ` ${unit}` : ""}`}</dd>
                </div>
              ))}
            </dl>
          ) : (
            <p className="small">
              Nothing said yet: posture assumes nothing about the gateway, so findings such as{" "}
              <span className="mono">STARTUP_ACTION_ADD</span> stay open until you say it initiates.
            </p>
          )}
          {canEdit ? (
            <button type="button" className="button secondary small" onClick={() => setEditing(true)}>
              {said ? "Edit" : "Describe the gateway"}
            </button>
          ) : null}
        </>
      ) : (
        <form className="form" onSubmit={onSubmit} noValidate aria-label="Customer gateway">
          <FormError message={errors.message} />
          <Field id="gateway-vendor" label="Vendor" name="customerGateway.vendor" errors={errors.fields}>
            <select
              id="gateway-vendor"
              name="vendor"
              value={vendorChoice}
              onChange={(event) => setVendorChoice(event.target.value)}
            >
              <option value="">Not said</option>
              {GATEWAY_VARIANTS.map((variant) => (
                <option key={variant} value={variant}>
                  {PLAYBOOK_VARIANT_LABELS[variant]}
                </option>
              ))}
              <option value={OTHER}>Other…</option>
            </select>
          </Field>
          {vendorChoice === OTHER ? (
            <Field id="gateway-vendor-other" label="Other vendor" name="customerGateway.vendorOther" errors={{}}>
              <input
                id="gateway-vendor-other"
                name="vendorOther"
                maxLength={64}
                defaultValue={isKnownVendor ? "" : facts.vendor}
                placeholder="e.g. Yamaha RTX1300"
              />
            </Field>
          ) : null}
          <Field
            id="gateway-ikeVersion"
            label="IKE version"
            name="customerGateway.ikeVersion"
            errors={errors.fields}
            hint={IKE_VERSION_HINT}
          >
            <select id="gateway-ikeVersion" name="ikeVersion" defaultValue={facts.ikeVersion ?? ""}>
              <option value="">Not said</option>
              {IKE_VERSIONS.map((v) => (
                <option key={v.value} value={v.value}>
                  {v.label}
                </option>
              ))}
            </select>
          </Field>
          {FLAGS.map(({ name, label, hint }) => (
            <Field
              key={name}
              id={`gateway-${name}`}
              label={label}
              name={`customerGateway.${name}`}
              errors={errors.fields}
              hint={hint}
            >
              <select
                id={`gateway-${name}`}
                name={name}
                defaultValue={facts[name] === undefined ? "" : facts[name] ? "yes" : "no"}
              >
                <option value="">Not said</option>
                <option value="yes">Yes</option>
                <option value="no">No</option>
              </select>
            </Field>
          ))}
          {COUNTS.map(({ name, label, unit }) => (
            <Field
              key={name}
              id={`gateway-${name}`}
              label={unit ? `${label} (${unit})` : label}
              name={`customerGateway.${name}`}
              errors={errors.fields}
            >
              <input
                id={`gateway-${name}`}
                name={name}
                inputMode="numeric"
                defaultValue={facts[name] ?? ""}
                placeholder="not said"
              />
            </Field>
          ))}
          <FormButtons
            label="Save"
            pending={save.isPending}
            onCancel={() => {
              setEditing(false);
              setInvalid({});
              save.reset();
            }}
          />
        </form>
      )}
    </section>
  );
}
