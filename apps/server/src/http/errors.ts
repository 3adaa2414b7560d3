import type { FastifyReply, FastifyRequest } from 'fastify';

/** An error whose body is written for the client and sent as it is (a 429 saying when to retry). */
export class ClientError extends Error {
  constructor(
    readonly statusCode: number,
    readonly body: { error: string; message: string } & Record<string, unknown>,
  ) {
    super(body.message);
  }
}

/**
 * Fastify's error handler. A client's mistake (a body that is not JSON, too large…) is named with
 * its message. Anything else is a 500 whose message stays in the log: it can carry SQL, paths or
 * a provider's answer.
 */
export function sendError(error: { statusCode?: number; message: string }, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof ClientError) return reply.code(error.statusCode).send(error.body);
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return reply.code(error.statusCode).send({ error: 'bad_request', message: error.message });
  }
  request.log.error({ err: error }, 'request failed');
  return reply.code(500).send({ error: 'internal_error', message: 'something went wrong on the server; its log has the details' });
}
