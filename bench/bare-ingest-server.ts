// The baseline for /v1/batch, run as its own process like Tend: the same Fastify and body
// limit parsing the same JSON, minus auth, validation, Postgres and Temporal.
import Fastify from 'fastify';

const app = Fastify({ logger: false, bodyLimit: 5 * 1024 * 1024 });
app.post('/v1/batch', async (request, reply) => {
  const batch = (request.body as { batch?: unknown[] } | null)?.batch ?? [];
  return reply.code(200).send({ success: true, accepted: batch.length, duplicates: 0 });
});

const url = await app.listen({ host: '127.0.0.1', port: 0 });
console.log(url);
process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
