import { pipeline, Transform, type TransformCallback } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { ClientError } from '../http/errors.js';
import { maxBatchBytes } from './schemas.js';
import { formatBytes } from './size.js';

/**
 * The most a /v1 body may be once decompressed: Segment's batch limit. A bigger body is refused
 * with 413 before it is parsed; a gzip body stops being decompressed there (a gzip bomb).
 */
export const maxBodyBytes = maxBatchBytes;

/**
 * Reads every /v1 body as JSON whatever its Content-Type (the browser library sends text/plain
 * to skip a CORS preflight; RudderStack's node SDK sends JSON as form-urlencoded), gunzipped when
 * `Content-Encoding: gzip` says so. Registered on the /v1 plugin only: other routes keep
 * Fastify's parsers.
 */
export function registerIngestBodyParsing(v1: FastifyInstance): void {
  const parseJson = v1.getDefaultJsonParser('error', 'ignore');
  v1.removeAllContentTypeParsers();
  v1.addContentTypeParser('*', { parseAs: 'string', bodyLimit: maxBodyBytes }, (request, body, done) => {
    const text = body as string;
    // An empty body is a body that is not an object: parse.ts names it.
    if (text.trim() === '') return done(null, undefined);
    // Fastify's own parser (it refuses __proto__ keys); synchronous, it answers through the callback.
    void parseJson(request, text, (error, parsed) => {
      if (error) return done(new ClientError(400, { error: 'bad_request', message: `the body is not valid JSON (${error.message})` }), undefined);
      done(null, parsed);
    });
  });

  v1.addHook('preParsing', async (request, _reply, payload) => {
    const encoding = request.headers['content-encoding']?.trim().toLowerCase();
    if (!encoding || encoding === 'identity') return payload;
    if (encoding !== 'gzip' && encoding !== 'x-gzip') {
      throw new ClientError(415, { error: 'unsupported_encoding', message: `Content-Encoding "${encoding}" is not supported: send gzip or no encoding` });
    }
    const gunzip = createGunzip();
    gunzip.on('error', (error: Error & { statusCode?: number }) => {
      error.message = `the body is not valid gzip (${error.message})`;
      error.statusCode = 400;
    });
    const capped = new OutputCap(maxBodyBytes);
    // Fastify compares Content-Length with the bytes that came over the wire, not the decompressed ones.
    payload.on('data', (chunk: Buffer) => (capped.receivedEncodedLength += chunk.length));
    // pipeline destroys every stage when one fails, so a bomb stops being inflated at the cap.
    pipeline(payload, gunzip, capped, () => undefined);
    return capped;
  });
}

/** Passes bytes through until `limit`, then fails with 413. */
class OutputCap extends Transform {
  receivedEncodedLength = 0;
  private passed = 0;

  constructor(private readonly limit: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.passed += chunk.length;
    if (this.passed > this.limit) {
      callback(new ClientError(413, { error: 'payload_too_large', message: `the body may be at most ${formatBytes(this.limit)} once decompressed; split the batch` }));
      return;
    }
    callback(null, chunk);
  }
}
