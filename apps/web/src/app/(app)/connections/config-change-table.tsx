"use client";
// One page of configuration changes (connections.configChanges, fleet.configChanges): when the
// poll saw it, where, the setting, before and after, and the grade the connection had then.
import Link from "next/link";
import type { ReactNode } from "react";
import { EmptyState, GradeBadge, Pagination, type QueryState, QueryView } from "~/components/ui.tsx";
import type { RouterOutputs } from "~/trpc/client.tsx";
import styles from "./config-change-table.module.css";
import { formatTime } from "./shared.tsx";

type ConfigChangeRow = RouterOutputs["fleet"]["configChanges"]["items"][number];

/** What a list gained and lost, under its new value, so one route in fifty is not missed. */
function Difference({ difference }: { difference: ConfigChangeRow["difference"] }) {
  if (!difference || difference.added.length + difference.removed.length === 0) return null;
  return (
    <div className={styles.difference}>
      {difference.added.map((item) => (
        <div key={`+${item}`} className={styles.added}>
          + {item}
        </div>
      ))}
      {difference.removed.map((item) => (
        <div key={`-${item}`} className={styles.removed}>
          − {item}
        </div>
      ))}
    </div>
  );
}

function ConfigChangeTable({ rows, showConnection }: { rows: ConfigChangeRow[]; showConnection: boolean }) {
  return (
    <div className={styles.wrap}>
      <table className="table" data-testid="config-changes">
        <thead>
          <tr>
            <th>Seen</th>
            {showConnection ? <th>Connection</th> : null}
            <th>Where</th>
            <th>Setting</th>
            <th>Before</th>
            <th>After</th>
            <th>Grade</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((change, i) => {
            const previous = rows[i - 1];
            // Changes seen by one poll read as one group: the time shows once, plainly.
            const samePoll =
              previous?.detectedAt.getTime() === change.detectedAt.getTime() &&
              previous.connection.id === change.connection.id;
            return (
              <tr key={change.id}>
                <td className={samePoll ? "muted" : undefined}>{formatTime(change.detectedAt)}</td>
                {showConnection ? (
                  <td>
                    <Link href={`/connections/${encodeURIComponent(change.connection.id)}`}>
                      {change.connection.name}
                    </Link>
                  </td>
                ) : null}
                <td>{change.tunnelIndex === null ? "Connection" : `Tunnel ${change.tunnelIndex}`}</td>
                <td>
                  {change.label}
                  {change.isProviderDriven ? <div className="muted small">by the provider</div> : null}
                </td>
                <td className={`mono small ${styles.value}`}>{change.before}</td>
                <td className={`mono small ${styles.value}`}>
                  {change.after}
                  <Difference difference={change.difference} />
                </td>
                <td>
                  {change.gradeBefore && change.gradeBefore !== change.gradeAfter ? (
                    <>
                      <GradeBadge grade={change.gradeBefore} /> → <GradeBadge grade={change.gradeAfter} />
                    </>
                  ) : (
                    <GradeBadge grade={change.gradeAfter} />
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** A page beyond the last (the list shrank, or the week moved on): the way back to the first. */
function PastTheLastPage({ onFirstPage }: { onFirstPage: () => void }) {
  return (
    <EmptyState title="Nothing on this page">
      The list is shorter than it was.{" "}
      <button type="button" className="button small secondary" onClick={onFirstPage}>
        First page
      </button>
    </EmptyState>
  );
}

/**
 * One page of a configuration change query as the dashboard shows it: loading, error, the empty
 * state given, a page past the last, or the table with its pager.
 */
export function ConfigChangePage({
  query,
  empty,
  showConnection,
  onPage,
}: {
  query: QueryState<RouterOutputs["fleet"]["configChanges"]>;
  empty: ReactNode;
  showConnection: boolean;
  onPage: (page: number) => void;
}) {
  return (
    <QueryView query={query} loadingLabel="Loading configuration changes…">
      {(data) =>
        data.total === 0 ? (
          empty
        ) : data.items.length === 0 ? (
          <PastTheLastPage onFirstPage={() => onPage(1)} />
        ) : (
          <>
            <ConfigChangeTable rows={data.items} showConnection={showConnection} />
            <Pagination page={data.page} pageSize={data.pageSize} total={data.total} onPage={onPage} />
          </>
        )
      }
    </QueryView>
  );
}
