// POST /api/v1/connections/{connectionId}/logs — customer-gateway log lines for a connection.
// Body: text/plain (one line per line) or JSON {"lines": [...], "tunnelIndex"?, "stream"?, "vendor"?};
// the same options as query parameters for text/plain. Authorization: Bearer <token with write>.
// Idempotency-Key: a retried request with the same key stores nothing twice.

import { randomUUID } from "node:crypto";
import { producerQueue } from "@tunnelwatch/api";
import { VENDORS } from "@tunnelwatch/core";
import { tenantDb } from "@tunnelwatch/db";
import { MAX_PUSHED_LINES, QUEUE_NAMES } from "@tunnelwatch/queue";
import { z } from "zod";
import { errorResponse, HttpError, readBody, requireToken } from "~/server/bearer.ts";

export const dynamic = "force-dynamic";

const MAX_BODY_BYTES = 1024 * 1024;

const optionsSchema = z.object({
  tunnelIndex: z.coerce.number().int().min(1).max(8).nullable().default(null),
  stream: z.string().trim().min(1).max(200).default("customer-gateway"),
  vendor: z.enum(VENDORS).nullable().default(null),
});

export async function POST(
  request: Request,
  context: { params: Promise<{ connectionId: string }> },
): Promise<Response> {
  try {
    const token = await requireToken(request, "write");
    const { connectionId } = await context.params;
    const body = await readBody(request, MAX_BODY_BYTES);
    const url = new URL(request.url);
    const isJson = (request.headers.get("content-type") ?? "").includes("application/json");
    let lines: string[];
    let rawOptions: Record<string, unknown>;
    if (isJson) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(body);
      } catch {
        throw new HttpError(400, "Body is not valid JSON");
      }
      const shape = z
        .object({ lines: z.array(z.string()) })
        .passthrough()
        .safeParse(parsed);
      if (!shape.success) throw new HttpError(400, 'JSON body needs "lines": an array of strings');
      lines = shape.data.lines;
      rawOptions = shape.data;
    } else {
      lines = body.split(/\r?\n/);
      rawOptions = Object.fromEntries(url.searchParams);
    }
    lines = lines.filter((line) => line.trim() !== "");
    if (lines.length === 0) throw new HttpError(400, "No log lines in the body");
    if (lines.length > MAX_PUSHED_LINES) {
      throw new HttpError(
        413,
        `${lines.length} lines; at most ${MAX_PUSHED_LINES} per request. Split them into several requests.`,
      );
    }
    const options = optionsSchema.safeParse({
      tunnelIndex: rawOptions.tunnelIndex ?? null,
      stream: rawOptions.stream,
      vendor: rawOptions.vendor ?? null,
    });
    if (!options.success) throw new HttpError(400, `Invalid options: ${z.prettifyError(options.error)}`);

    // Not found and not yours look the same: the answer reveals nothing about other tenants.
    const connection = await tenantDb(token.tenantId).vpnConnection.findFirst({
      where: { id: connectionId, deletedAt: null },
      select: { id: true, tunnelsTotal: true },
    });
    if (!connection) throw new HttpError(404, `Connection ${connectionId} not found`);
    if (options.data.tunnelIndex !== null && options.data.tunnelIndex > Math.max(connection.tunnelsTotal, 1)) {
      throw new HttpError(400, `Connection ${connectionId} has no tunnel ${options.data.tunnelIndex}`);
    }

    const idempotencyKey = request.headers.get("idempotency-key")?.trim();
    if (idempotencyKey && !/^[\w.:-]{1,120}$/.test(idempotencyKey)) {
      throw new HttpError(400, "Idempotency-Key: letters, digits and . _ : - only, up to 120 characters");
    }
    const batchId = idempotencyKey || randomUUID();
    const job = await (await producerQueue(QUEUE_NAMES.ingestLines)).add(
      "ingest",
      {
        tenantId: token.tenantId,
        connectionId: connection.id,
        tunnelIndex: options.data.tunnelIndex,
        stream: options.data.stream,
        vendor: options.data.vendor,
        batchId,
        receivedAt: new Date().toISOString(),
        lines,
      },
      { jobId: `ingest:${token.tenantId}:${batchId}` },
    );
    return Response.json({ accepted: lines.length, batchId, jobId: job.id }, { status: 202 });
  } catch (error) {
    return errorResponse(error);
  }
}
