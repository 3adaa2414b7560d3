import type { FastifyReply, FastifyRequest } from 'fastify';
import { ClientError, sendError } from '../http/errors.js';
import { maxBodyBytes } from './body.js';
import { maxCallBytes } from './schemas.js';
import { formatBytes } from './size.js';

/**
 * The /v1 error handler: the server's own (no internals in a 500), with every client error's body
 * carrying `code` beside `error` and `message`, and Fastify's "too large" said in Segment's terms.
 */
export function sendIngestError(error: { statusCode?: number; code?: string; message: string }, request: FastifyRequest, reply: FastifyReply) {
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return reply.code(413).send(errorBody('payload_too_large', `the body may be at most ${formatBytes(maxBodyBytes)} (a call at most ${formatBytes(maxCallBytes)}); split the batch`));
  }
  if (error instanceof ClientError) return reply.code(error.statusCode).send({ code: error.body.error, ...error.body });
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return reply.code(error.statusCode).send(errorBody('bad_request', error.message));
  }
  return sendError(error, request, reply);
}

/** `{ code, error, message }`: `error` is the older name of `code`, kept for clients that read it. */
export function errorBody(code: string, message: string, extra: Record<string, unknown> = {}) {
  return { code, error: code, message, ...extra };
}
