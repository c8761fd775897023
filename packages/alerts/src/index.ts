export type { WebhookChannel, WebhookFormat, WebhookOptions } from "./deliver.ts";
export { deliverWebhook, MAX_RESPONSE_BYTES, webhookBody, webhookHeaders } from "./deliver.ts";
export type { RenderedEmail } from "./email.ts";
export { escapeHtml, renderEmail } from "./email.ts";
export type { HttpOutcome, HttpRequest } from "./http.ts";
export { MAX_SNIPPET_CHARS, postWebhook } from "./http.ts";
export type { Mailer, MailerConfig, MailOutcome } from "./mailer.ts";
export { alertMessageId, createMailer, DEFAULT_SMTP_TIMEOUT_MS } from "./mailer.ts";
export type {
  AlertConnection,
  AlertDetails,
  AlertFault,
  AlertIncident,
  AlertMessage,
  AlertProvider,
  AlertSeverity,
  AlertTriggerName,
  AlertTunnel,
  RemediationStep,
} from "./message.ts";
export { MAX_REMEDIATION_STEPS } from "./message.ts";
export type { Resolve } from "./outbound.ts";
export {
  guardedLookup,
  isHostAllowed,
  isPrivateAddress,
  outboundAddressProblem,
  PRIVATE_ADDRESS_ERROR_CODE,
} from "./outbound.ts";
export type { WebhookEventType, WebhookPayloadV1 } from "./payload.ts";
export { WEBHOOK_EVENT_TYPES, WEBHOOK_SCHEMA_VERSION, webhookPayload } from "./payload.ts";
export type { AlertTarget, SendOptions, SendOutcome } from "./send.ts";
export { sendAlert } from "./send.ts";
export {
  DEFAULT_SIGNATURE_TOLERANCE_SEC,
  DELIVERY_HEADER,
  EVENT_HEADER,
  IDEMPOTENCY_HEADER,
  SIGNATURE_HEADER,
  signatureHeader,
  TIMESTAMP_HEADER,
  USER_AGENT,
  verifySignature,
} from "./signature.ts";
export type { SlackBlock, SlackPayload } from "./slack.ts";
export { escapeSlack, slackPayload } from "./slack.ts";
