// Configuration drift seen by the status poll: the settings that changed since the connection's
// last poll are recorded (one row each), and somebody's change raises a CONFIG_CHANGED alert.
import {
  type ConfigChange,
  connectionSchema,
  describeConfigChange,
  diffConnectionConfig,
  GRADES,
  type NormalizedConnection,
  PROVIDER_DRIVEN_PARAMETERS,
} from "@tunnelwatch/core";
import { type Grade, type Prisma, recordAlertEvent } from "@tunnelwatch/db";

type Tx = Prisma.TransactionClient;

/** Changes listed in an alert's text; the rest are counted ("and 3 more"). */
const ALERT_CHANGES_SHOWN = 5;

/**
 * What changed since the stored connection. A connection seen for the first time, or stored in a
 * shape that no longer parses, has nothing to compare with.
 */
export function configChangesSince(
  stored: Prisma.JsonValue | undefined,
  current: NormalizedConnection,
): ConfigChange[] {
  if (stored === undefined || stored === null) return [];
  const previous = connectionSchema.safeParse(stored);
  return previous.success ? diffConnectionConfig(previous.data, current) : [];
}

export async function recordConfigChanges(
  tx: Tx,
  input: {
    tenantId: string;
    connectionId: string;
    changes: ConfigChange[];
    gradeBefore: Grade | null;
    gradeAfter: Grade;
    detectedAt: Date;
  },
): Promise<void> {
  const { tenantId, connectionId, changes, gradeBefore, gradeAfter, detectedAt } = input;
  if (changes.length === 0) return;
  await tx.configChange.createMany({
    data: changes.map((change) => ({ tenantId, connectionId, ...change, gradeBefore, gradeAfter, detectedAt })),
  });
  // An endpoint replaced by the provider is maintenance, told by the maintenance alerts.
  const made = changes.filter((change) => !PROVIDER_DRIVEN_PARAMETERS.has(change.parameter));
  if (made.length === 0) return;
  const isWorse = gradeBefore !== null && GRADES.indexOf(gradeAfter) > GRADES.indexOf(gradeBefore);
  const shown = made.slice(0, ALERT_CHANGES_SHOWN).map(describeConfigChange);
  const more = made.length - shown.length;
  await recordAlertEvent(tx, {
    tenantId,
    trigger: "CONFIG_CHANGED",
    severity: isWorse ? "MAJOR" : "MINOR",
    connectionId,
    facts: {
      changeCount: made.length,
      changes: more > 0 ? `${shown.join("; ")}; and ${more} more` : shown.join("; "),
      gradeBefore,
      gradeAfter,
    },
  });
}
