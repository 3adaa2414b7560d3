import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { cookieOptions } from './request-context.js';

const over = (protocol: 'http' | 'https') => ({ protocol }) as FastifyRequest;

describe('session cookies', () => {
  it('are Secure behind a TLS-terminating proxy (an https public address), though the proxy speaks http to Tend', () => {
    expect(cookieOptions(over('http'), { publicUrl: 'https://tend.example.com' }, { httpOnly: true, maxAgeSeconds: 60 })).toMatchObject({ secure: true, httpOnly: true, sameSite: 'lax' });
  });

  it('are Secure on a direct https request, and not on plain http in development', () => {
    expect(cookieOptions(over('https'), {}, { httpOnly: true, maxAgeSeconds: 60 }).secure).toBe(true);
    expect(cookieOptions(over('http'), { publicUrl: 'http://127.0.0.1:3000' }, { httpOnly: false, maxAgeSeconds: 60 }).secure).toBe(false);
  });
});
