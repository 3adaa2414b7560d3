import { describe, expect, it } from 'vitest';
import { heapShortfall, productionHeapMiB, readWorkerEnv } from './env.js';

describe("the worker's provider rate limits", () => {
  it('reads SMS_RATE_LIMIT and PUSH_RATE_LIMIT as messages a second, unset meaning no limit', () => {
    const unset = readWorkerEnv({});
    expect([unset.SMS_RATE_LIMIT, unset.PUSH_RATE_LIMIT]).toEqual([undefined, undefined]);
    expect(readWorkerEnv({ SMS_RATE_LIMIT: '1', PUSH_RATE_LIMIT: '0.5' })).toMatchObject({ SMS_RATE_LIMIT: 1, PUSH_RATE_LIMIT: 0.5 });
  });

  it('refuses a rate that is not a positive number, naming the variable', () => {
    expect(() => readWorkerEnv({ SMS_RATE_LIMIT: '0' })).toThrow('SMS_RATE_LIMIT: SMS_RATE_LIMIT must be more than 0 (unset it for no limit)');
    expect(() => readWorkerEnv({ PUSH_RATE_LIMIT: 'fast' })).toThrow('PUSH_RATE_LIMIT: PUSH_RATE_LIMIT must be a number of messages a second, e.g. 10 or 0.5');
  });

  it("takes the SMTP provider's rate from SMTP_URL's query, as nodemailer reads it, and says what is wrong with it", () => {
    expect(readWorkerEnv({ SMTP_URL: 'smtp://user:pass@smtp.example.com:587?rateLimit=10&rateDelta=2000&maxConnections=3' }).SMTP_URL).toContain('rateLimit=10');
    expect(() => readWorkerEnv({ SMTP_URL: 'smtp://smtp.example.com:587?rateLimit=ten' })).toThrow(`SMTP_URL: SMTP_URL's rateLimit must be a whole number above 0, got "ten"`);
    expect(() => readWorkerEnv({ SMTP_URL: 'smtp://smtp.example.com:587?rateLimit=10&pool=false' })).toThrow("SMTP_URL's rateLimit works only with the pool: remove pool=false");
    expect(() => readWorkerEnv({ SMTP_URL: 'smtp://smtp.example.com:587?rateDelta=1000' })).toThrow("SMTP_URL's rateDelta needs rateLimit");
  });
});

describe("the worker's memory settings", () => {
  it('keeps 500 runs in memory on one workflow thread unless told otherwise, and names a bad value', () => {
    expect(readWorkerEnv({})).toMatchObject({ TEND_WORKFLOW_CACHE_SIZE: 500, TEND_WORKFLOW_THREADS: 1 });
    expect(readWorkerEnv({ TEND_WORKFLOW_CACHE_SIZE: '2000', TEND_WORKFLOW_THREADS: '4' })).toMatchObject({ TEND_WORKFLOW_CACHE_SIZE: 2000, TEND_WORKFLOW_THREADS: 4 });
    expect(() => readWorkerEnv({ TEND_WORKFLOW_CACHE_SIZE: 'lots' })).toThrow('TEND_WORKFLOW_CACHE_SIZE must be a number of runs');
    expect(() => readWorkerEnv({ TEND_WORKFLOW_THREADS: '0' })).toThrow('TEND_WORKFLOW_THREADS must be 1 or more');
  });
});

describe("the worker's heap", () => {
  it("fits the default cache in the production image's heap, and says what to change when a cache will not fit", () => {
    expect(heapShortfall(readWorkerEnv({}), productionHeapMiB)).toBeNull();
    expect(heapShortfall(readWorkerEnv({ TEND_WORKFLOW_CACHE_SIZE: '5000' }), productionHeapMiB)).toBe(
      'TEND_WORKFLOW_CACHE_SIZE=5000 on 1 thread(s) needs about 514 MiB of heap per thread, and this worker has 256 MiB: raise --max-old-space-size in NODE_OPTIONS, or lower TEND_WORKFLOW_CACHE_SIZE',
    );
    // Spread over threads, the same runs fit.
    expect(heapShortfall(readWorkerEnv({ TEND_WORKFLOW_CACHE_SIZE: '5000', TEND_WORKFLOW_THREADS: '4' }), productionHeapMiB)).toBeNull();
  });
});
