import {
  type AlertMessage,
  connectionText,
  detailLabel,
  detailValue,
  foldedText,
  formatTime,
  incidentText,
  isWebUrl,
  oneLine,
  placementText,
  remediationSteps,
  TEST_NOTICE,
  TRIGGER_LABELS,
  tunnelText,
} from "./message.ts";

type TextObject = { type: "plain_text" | "mrkdwn"; text: string; emoji?: boolean };

export type SlackBlock =
  | { type: "header"; text: TextObject }
  | { type: "section"; text?: TextObject; fields?: TextObject[] }
  | { type: "context"; elements: TextObject[] }
  | { type: "actions"; elements: Array<{ type: "button"; text: TextObject; url: string }> };

export interface SlackPayload {
  text: string;
  blocks: SlackBlock[];
}

const SEVERITY_EMOJI: Record<AlertMessage["severity"], string> = {
  CRITICAL: ":red_circle:",
  MAJOR: ":large_orange_circle:",
  MINOR: ":large_yellow_circle:",
  INFO: ":large_blue_circle:",
};

/** Slack's control characters; everything else is sent as is. */
export function escapeSlack(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function mrkdwn(text: string, max = 3000): TextObject {
  return { type: "mrkdwn", text: clip(text, max) };
}

function field(label: string, value: string): TextObject {
  return mrkdwn(`*${label}*\n${escapeSlack(value)}`, 2000);
}

export function slackPayload(message: AlertMessage): SlackPayload {
  const summary = oneLine(message.summary);
  const tag = message.trigger === "TEST" ? "TEST" : message.severity;
  const { connection, tunnel, incident, fault } = message;

  const fields: TextObject[] = [
    field("Severity", `${message.severity} · ${TRIGGER_LABELS[message.trigger]}`),
    field("Organisation", message.tenant.name),
  ];
  if (connection)
    fields.push(field("Connection", connectionText(connection)), field("Where", placementText(connection)));
  if (tunnel) fields.push(field("Tunnel", tunnelText(tunnel)));
  if (incident) fields.push(field("Incident", incidentText(incident)));
  if (fault) fields.push(field("Fault", fault.code));
  if (connection?.grade) fields.push(field("Posture grade", connection.grade));
  for (const [key, value] of Object.entries(message.details)) fields.push(field(detailLabel(key), detailValue(value)));

  const blocks: SlackBlock[] = [
    { type: "header", text: { type: "plain_text", text: clip(`${tag}: ${summary}`, 150), emoji: true } },
  ];
  if (message.trigger === "TEST") blocks.push({ type: "context", elements: [mrkdwn(escapeSlack(TEST_NOTICE))] });
  for (let i = 0; i < fields.length; i += 10) blocks.push({ type: "section", fields: fields.slice(i, i + 10) });

  const evidence = fault?.evidence;
  if (evidence) {
    const body = clip(escapeSlack(evidence).replace(/```/g, "'''"), 2900);
    blocks.push({ type: "section", text: mrkdwn(`*Evidence*\n\`\`\`${body}\`\`\``) });
  }
  const steps = remediationSteps(message);
  if (steps.length > 0) {
    const list = steps
      .map((step, i) => {
        const where = step.where ? ` _(${escapeSlack(step.where)})_` : "";
        return `${i + 1}. *${escapeSlack(step.title)}*: ${escapeSlack(step.detail)}${where}`;
      })
      .join("\n");
    blocks.push({ type: "section", text: mrkdwn(`*What to do first*\n${list}`) });
  }
  const context = [`${SEVERITY_EMOJI[message.severity]} ${formatTime(message.occurredAt)}`];
  const folded = foldedText(message);
  if (folded) context.push(folded);
  blocks.push({ type: "context", elements: context.map((text) => mrkdwn(escapeSlack(text))) });
  if (isWebUrl(message.url) && message.url.length <= 3000) {
    blocks.push({
      type: "actions",
      elements: [{ type: "button", text: { type: "plain_text", text: "Open in Tunnelwatch" }, url: message.url }],
    });
  } else {
    blocks.push({ type: "section", text: mrkdwn(escapeSlack(message.url)) });
  }

  return { text: escapeSlack(`[${tag}] ${summary}`), blocks };
}
