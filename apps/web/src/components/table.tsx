"use client";
// Table shells: the column headings and body of a `table.table`, and the paged variant for lists.
import type { ReactNode } from "react";
import { Pagination } from "~/components/ui.tsx";
import styles from "./admin.module.css";

/** A `table.table` with one heading per column (plus an unlabelled "Actions" column when `actions`). */
export function DataTable({
  columns,
  actions = false,
  children,
}: {
  columns: string[];
  actions?: boolean;
  children: ReactNode;
}) {
  return (
    <table className="table">
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column}>{column}</th>
          ))}
          {actions ? (
            <th>
              <span className="sr-only">Actions</span>
            </th>
          ) : null}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}

/**
 * A scrollable table of one page of a list: the column headings (plus an unlabelled "Actions"
 * column when `actions`), the rows, and the pager when the list has more than one page.
 */
export function PagedTable({
  columns,
  actions = false,
  page,
  onPage,
  children,
}: {
  columns: string[];
  actions?: boolean;
  page: { page: number; pageSize: number; total: number };
  onPage: (page: number) => void;
  children: ReactNode;
}) {
  return (
    <div className={styles.tableWrap}>
      <DataTable columns={columns} actions={actions}>
        {children}
      </DataTable>
      {page.total > page.pageSize ? (
        <Pagination page={page.page} pageSize={page.pageSize} total={page.total} onPage={onPage} />
      ) : null}
    </div>
  );
}
