import type { FastifyReply, FastifyRequest } from 'fastify';
import { describe, expect, it, vi } from 'vitest';
import { ClientError, sendError } from './errors.js';

function call(error: { statusCode?: number; message: string }) {
  const log = { error: vi.fn() };
  const sent: { status?: number; body?: unknown } = {};
  const reply = {
    code(status: number) {
      sent.status = status;
      return this;
    },
    send(body: unknown) {
      sent.body = body;
      return this;
    },
  };
  sendError(error, { log } as unknown as FastifyRequest, reply as unknown as FastifyReply);
  return { ...sent, log };
}

describe('sendError', () => {
  it('logs an internal error and answers 500 without its message', () => {
    const error = Object.assign(new Error('duplicate key value violates unique constraint "users_email_key"'), { statusCode: 503 });
    const { status, body, log } = call(error);
    expect(status).toBe(500);
    expect(JSON.stringify(body)).not.toContain('users_email_key');
    expect(log.error).toHaveBeenCalledWith({ err: error }, 'request failed');
  });

  it("names a client's mistake with its message", () => {
    expect(call({ statusCode: 400, message: "Body is not valid JSON but content-type is set to 'application/json'" })).toMatchObject({
      status: 400,
      body: { error: 'bad_request', message: expect.stringContaining('not valid JSON') },
    });
  });

  it('sends a ClientError as it is written', () => {
    const body = { error: 'rate_limited', message: 'retry in 3 s', retryAfterSeconds: 3 };
    expect(call(new ClientError(429, body))).toMatchObject({ status: 429, body });
  });
});
