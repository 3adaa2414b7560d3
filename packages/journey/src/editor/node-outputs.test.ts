import { describe, expect, test } from 'vitest';
import { catalogueJson } from '../nodes/catalogue.js';
import { outputsOf } from '../nodes/node-spec.js';
import { branchNode, splitNode } from '../nodes/control.js';
import { nodeOutputs } from './node-outputs.js';

const catalogue = catalogueJson();
const entry = (type: string) => catalogue.find((candidate) => candidate.type === type);

describe('nodeOutputs', () => {
  test('labels the fixed outputs', () => {
    expect(nodeOutputs(entry('wait-for-event'), 'wait-for-event', {})).toEqual([
      { id: 'happened', label: 'happened' },
      { id: 'timed-out', label: 'timed out' },
    ]);
    expect(nodeOutputs(entry('send-email'), 'send-email', {})).toEqual([{ id: 'next', label: 'next' }]);
    expect(nodeOutputs(entry('exit'), 'exit', {})).toEqual([]);
  });

  test('a branch: one output per case, by id with its label, then else', () => {
    const cases = [
      { id: 'vip', label: 'VIP', condition: { kind: 'segment', segment: 'vip' } },
      { id: 'big', label: '', condition: { kind: 'segment', segment: 'big' } },
    ];
    expect(nodeOutputs(entry('branch'), 'branch', { cases })).toEqual([
      { id: 'vip', label: 'VIP' },
      { id: 'big', label: 'big' },
      { id: 'else', label: 'else' },
    ]);
  });

  test('a split: one output per path, labelled with its share', () => {
    const paths = [
      { id: 'treatment', label: 'Treatment', percent: 90 },
      { id: 'holdout', label: 'Holdout', percent: 10, holdout: true },
    ];
    expect(nodeOutputs(entry('split'), 'split', { paths })).toEqual([
      { id: 'treatment', label: 'Treatment · 90%' },
      { id: 'holdout', label: 'Holdout · 10%' },
    ]);
  });

  test('gives the ids the validator expects for a valid config', () => {
    const branch = branchNode.defaults!;
    expect(nodeOutputs(entry('branch'), 'branch', branch).map((output) => output.id)).toEqual(
      outputsOf(branchNode, branchNode.config.parse({ cases: [{ id: 'case-1', label: 'Case 1', condition: { kind: 'segment', segment: 'vip' } }] })),
    );
    const split = splitNode.defaults!;
    expect(nodeOutputs(entry('split'), 'split', split).map((output) => output.id)).toEqual(outputsOf(splitNode, splitNode.config.parse(split)));
  });

  test('tolerates an incomplete or broken config', () => {
    expect(nodeOutputs(entry('branch'), 'branch', {})).toEqual([{ id: 'else', label: 'else' }]);
    expect(nodeOutputs(entry('branch'), 'branch', { cases: [null, 3, { label: 'no id' }, { id: ' ' }] })).toEqual([{ id: 'else', label: 'else' }]);
    expect(nodeOutputs(entry('split'), 'split', { paths: 'oops' })).toEqual([]);
  });

  test('a custom node: its catalogue outputs; an unknown type (or the catalogue loading): "next"', () => {
    const custom = { ...entry('send-email')!, type: 'acme.crm', outputs: [{ id: 'found', label: 'found' }, { id: 'missing', label: 'not found' }] };
    expect(nodeOutputs(custom, 'acme.crm', {})).toEqual(custom.outputs);
    expect(nodeOutputs(undefined, 'acme.unknown', {})).toEqual([{ id: 'next', label: 'next' }]);
    expect(nodeOutputs(undefined, 'wait-for-event', {}).map((output) => output.id)).toEqual(['happened', 'timed-out']);
  });
});
