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

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

const SEVERITY_COLOURS: Record<AlertMessage["severity"], string> = {
  CRITICAL: "#b42318",
  MAJOR: "#c4320a",
  MINOR: "#b54708",
  INFO: "#175cd3",
};

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

function facts(message: AlertMessage): Array<[string, string]> {
  const rows: Array<[string, string]> = [
    ["Severity", message.severity],
    ["Event", TRIGGER_LABELS[message.trigger]],
    ["Occurred", formatTime(message.occurredAt)],
    ["Organisation", message.tenant.name],
  ];
  const { connection, tunnel, incident, fault } = message;
  if (connection) {
    rows.push(["Connection", connectionText(connection)], ["Where", placementText(connection)]);
    if (connection.grade) rows.push(["Posture grade", connection.grade]);
  }
  if (tunnel) rows.push(["Tunnel", tunnelText(tunnel)]);
  if (incident) rows.push(["Incident", incidentText(incident)]);
  if (fault) rows.push(["Fault", fault.code]);
  for (const [key, value] of Object.entries(message.details)) rows.push([detailLabel(key), detailValue(value)]);
  const folded = foldedText(message);
  if (folded) rows.push(["Folded", folded]);
  return rows;
}

export function emailSubject(message: AlertMessage): string {
  const tag = message.trigger === "TEST" ? "TEST" : message.severity;
  return oneLine(`[${tag}] ${message.summary} — Tunnelwatch`);
}

function renderText(message: AlertMessage): string {
  const lines: string[] = [oneLine(message.summary), ""];
  if (message.trigger === "TEST") lines.push(TEST_NOTICE, "");
  const rows = facts(message);
  const width = Math.max(...rows.map(([label]) => label.length)) + 2;
  for (const [label, value] of rows) lines.push(`${`${label}:`.padEnd(width)}${value}`);
  const evidence = message.fault?.evidence;
  if (evidence) lines.push("", "Evidence:", ...evidence.split(/\r?\n/).map((line) => `  ${line}`));
  const steps = remediationSteps(message);
  if (steps.length > 0) {
    lines.push("", "What to do first:");
    steps.forEach((step, i) => {
      lines.push(`${i + 1}. ${step.title}`, `   ${step.detail}`);
      if (step.where) lines.push(`   Where: ${step.where}`);
    });
  }
  lines.push("", `Open in Tunnelwatch: ${message.url}`, "");
  return lines.join("\n");
}

function renderHtml(message: AlertMessage): string {
  const e = escapeHtml;
  const colour = SEVERITY_COLOURS[message.severity];
  const cell = "padding:4px 12px 4px 0;vertical-align:top;font-size:14px;";
  const rows = facts(message)
    .map(
      ([label, value]) =>
        `<tr><td style="${cell}color:#667085;white-space:nowrap;">${e(label)}</td><td style="${cell}color:#101828;">${e(value)}</td></tr>`,
    )
    .join("");
  const parts: string[] = [
    `<div style="font-family:-apple-system,'Segoe UI',Helvetica,Arial,sans-serif;max-width:640px;margin:0 auto;color:#101828;">`,
    `<div style="border-left:4px solid ${colour};padding:8px 16px;margin:16px 0;">`,
    `<div style="font-size:12px;font-weight:600;color:${colour};letter-spacing:0.04em;">${e(message.trigger === "TEST" ? "TEST" : message.severity)}</div>`,
    `<h1 style="font-size:18px;line-height:1.4;margin:4px 0 0;">${e(oneLine(message.summary))}</h1>`,
    "</div>",
  ];
  if (message.trigger === "TEST") {
    parts.push(
      `<p style="font-size:14px;background:#f2f4f7;padding:8px 12px;border-radius:4px;">${e(TEST_NOTICE)}</p>`,
    );
  }
  parts.push(`<table style="border-collapse:collapse;margin:8px 0 16px;">${rows}</table>`);
  const evidence = message.fault?.evidence;
  if (evidence) {
    parts.push(
      `<h2 style="font-size:15px;margin:16px 0 4px;">Evidence</h2>`,
      `<pre style="font-family:Menlo,Consolas,monospace;font-size:12px;background:#f2f4f7;padding:8px 12px;border-radius:4px;white-space:pre-wrap;word-break:break-word;">${e(evidence)}</pre>`,
    );
  }
  const steps = remediationSteps(message);
  if (steps.length > 0) {
    const items = steps
      .map((step) => {
        const where = step.where ? `<br><span style="color:#667085;">Where: ${e(step.where)}</span>` : "";
        return `<li style="margin:0 0 8px;"><strong>${e(step.title)}</strong><br>${e(step.detail)}${where}</li>`;
      })
      .join("");
    parts.push(
      `<h2 style="font-size:15px;margin:16px 0 4px;">What to do first</h2>`,
      `<ol style="font-size:14px;padding-left:20px;margin:0;">${items}</ol>`,
    );
  }
  parts.push(
    isWebUrl(message.url)
      ? `<p style="margin:24px 0;"><a href="${e(message.url)}" style="background:#175cd3;color:#ffffff;padding:10px 16px;border-radius:4px;text-decoration:none;font-size:14px;">Open in Tunnelwatch</a></p><p style="font-size:12px;color:#667085;">${e(message.url)}</p>`
      : `<p style="font-size:12px;color:#667085;">${e(message.url)}</p>`,
    "</div>",
  );
  return `<!doctype html><html><body style="margin:0;padding:0 16px;background:#ffffff;">${parts.join("")}</body></html>`;
}

export function renderEmail(message: AlertMessage): RenderedEmail {
  return { subject: emailSubject(message), text: renderText(message), html: renderHtml(message) };
}
