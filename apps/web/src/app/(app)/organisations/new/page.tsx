"use client";
// Another organisation (managed service providers run one per customer): the creator becomes
// its owner and the dashboard switches to it.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import styles from "~/components/admin.module.css";
import { Field, FormButtons, FormError, formErrors } from "~/components/forms.tsx";
import { PageHeader } from "~/components/ui.tsx";
import { useTRPC } from "~/trpc/client.tsx";
import { setTenantCookie } from "./tenant-cookie.ts";

export default function NewOrganisationPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const create = useMutation(
    trpc.tenants.create.mutationOptions({
      onSuccess: (tenant) => {
        setTenantCookie(tenant.slug);
        // Everything cached belongs to the previous organisation.
        queryClient.clear();
        router.push("/");
        router.refresh();
      },
    }),
  );
  const errors = formErrors(create.error);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    create.mutate({ name: String(data.get("name") ?? "") });
  }

  return (
    <>
      <PageHeader
        title="New organisation"
        description="An organisation has its own cloud accounts, connections, alerts, members and tokens. You become its owner."
      />
      <section className={`panel ${styles.formPanel}`}>
        <form className="form" onSubmit={onSubmit} noValidate>
          <FormError message={errors.message} />
          <Field id="organisation-name" label="Organisation name" name="name" errors={errors.fields}>
            <input id="organisation-name" name="name" maxLength={100} placeholder="e.g. Acme Networks" required />
          </Field>
          <FormButtons
            label="Create organisation"
            busyLabel="Creating…"
            pending={create.isPending || create.isSuccess}
            onCancel={() => router.back()}
          />
        </form>
      </section>
    </>
  );
}
