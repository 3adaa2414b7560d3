// Replays every recorded history in workflows/histories against the interpreter as it is now,
// bundled as the worker bundles it. A nondeterminism error means a change to journeyWorkflow
// would break runs in flight: put it behind patched(). Record new histories with
// e2e/scripts/record-histories.ts.
import { readdirSync, readFileSync } from 'node:fs';
import { temporal } from '@temporalio/proto';
import { Worker, type ReplayResult } from '@temporalio/worker';
import { beforeAll, describe, expect, it } from 'vitest';
import { sourceBundlerOptions, workflowsPath } from './path.js';

const historiesDir = new URL('../histories/', import.meta.url);
const files = readdirSync(historiesDir, { recursive: true, encoding: 'utf8' })
  .filter((name) => name.endsWith('.json'))
  .sort();
const read = (file: string) => JSON.parse(readFileSync(new URL(file, historiesDir), 'utf8')) as { events: Record<string, unknown>[] };
/**
 * The history as a proto message. (Handing the worker the JSON would be simpler, but its JSON
 * reader fails with "type must be a Type" here: npm installed two copies of protobufjs 8, one
 * under @temporalio/common and one under @temporalio/proto, and each rejects the other's types.)
 */
const load = (json: unknown) => temporal.api.history.v1.History.fromObject(json as Record<string, unknown>);
const bundle = { workflowsPath, bundlerOptions: sourceBundlerOptions };

async function replay(histories: { workflowId: string; history: unknown }[]): Promise<Map<string, ReplayResult>> {
  const results = new Map<string, ReplayResult>();
  for await (const result of Worker.runReplayHistories(bundle, histories)) results.set(result.workflowId, result);
  return results;
}

describe('recorded histories replay on the current interpreter', () => {
  let results: Map<string, ReplayResult>;
  beforeAll(async () => {
    results = await replay(files.map((file) => ({ workflowId: file, history: load(read(file)) })));
  }, 120_000);

  it('has histories to replay', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)('%s replays without a nondeterminism error', (file) => {
    const result = results.get(file);
    expect(result, `${file} was not replayed`).toBeDefined();
    expect(result!.error?.stack ?? result!.error).toBeUndefined();
  });

  it('would catch a change: a history whose runAction became another activity fails to replay', async () => {
    const file = files.find((name) => JSON.stringify(read(name)).includes('"runAction"'))!;
    const tampered = JSON.parse(JSON.stringify(read(file)).replaceAll('"runAction"', '"someOtherActivity"'));
    const [result] = [...(await replay([{ workflowId: `tampered ${file}`, history: load(tampered) }])).values()];
    expect(result?.error?.name).toBe('DeterminismViolationError');
  }, 120_000);
});
