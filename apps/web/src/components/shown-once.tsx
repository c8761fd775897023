"use client";
// The "shown once" panel for a secret or link the server returns only once.
import type { ReactNode } from "react";
import styles from "./admin.module.css";
import { CopyButton } from "./copy-button.tsx";

/** A secret or link that the server returns once: shown with a copy button and a warning. */
export function ShownOnce({
  title,
  value,
  testId,
  children,
  onDismiss,
}: {
  title: string;
  value: string;
  testId?: string;
  children?: ReactNode;
  onDismiss: () => void;
}) {
  return (
    <section className={`panel ${styles.shownOnce}`} aria-live="polite">
      <h2>{title}</h2>
      <p className="small">
        Copy it now: it is shown <strong>only once</strong> and cannot be retrieved later.
      </p>
      <div className={styles.secretRow}>
        <code className={`mono ${styles.secret}`} data-testid={testId}>
          {value}
        </code>
        <CopyButton text={value} />
      </div>
      {children}
      <button type="button" className="button small secondary" onClick={onDismiss}>
        Done
      </button>
    </section>
  );
}
