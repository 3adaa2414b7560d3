import { ingestionErrors, type Database } from '@tend/db';
import type { FastifyBaseLogger } from 'fastify';
import { storableJson, storableText } from './sanitize.js';

/** How much of a refused call is kept: enough to see what was sent, not a copy of a 500 KiB batch. */
export const maxErrorPayloadBytes = 4 * 1024;

export interface IngestionError {
  callType: string | null;
  messageId: string | null;
  field: string;
  message: string;
  payload: unknown;
}

/**
 * Keeps refused calls and rejected batch items for the console's event debugger. A failure to
 * keep them is logged, never the client's problem: the answer already says what was wrong.
 */
export async function recordIngestionErrors(db: Database, log: FastifyBaseLogger, workspaceId: string, errors: IngestionError[]): Promise<void> {
  if (errors.length === 0) return;
  try {
    await db.insert(ingestionErrors).values(
      errors.map((error) => ({
        workspaceId,
        callType: error.callType === null ? null : storableText(error.callType.slice(0, 100)),
        messageId: error.messageId === null ? null : storableText(error.messageId.slice(0, 200)),
        field: storableText(error.field),
        message: storableText(error.message),
        payload: cutPayload(error.payload),
      })),
    );
  } catch (error) {
    log.warn({ err: error }, 'could not record refused ingestion calls');
  }
}

/** The payload as it came, or (past the cap) its first KiBs as JSON text, marked truncated. */
export function cutPayload(payload: unknown): unknown {
  const json = JSON.stringify(payload) ?? 'null';
  if (Buffer.byteLength(json) <= maxErrorPayloadBytes) return storableJson(payload);
  return { truncated: true, bytes: Buffer.byteLength(json), json: storableText(Buffer.from(json).subarray(0, maxErrorPayloadBytes).toString('utf8')) };
}
