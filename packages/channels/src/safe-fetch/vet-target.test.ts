import { parseFetchAllowlist } from '@tend/journey';
import { describe, expect, it } from 'vitest';
import { RefusedTargetError } from '../errors.js';
import type { Resolver } from './resolver.js';
import { vetTarget } from './vet-target.js';

const nothing = parseFetchAllowlist([]);

/** DNS as the test says it is. */
function resolving(answers: Record<string, string[]>): Resolver {
  return async (hostname) => answers[hostname] ?? [];
}

describe('vetTarget', () => {
  it('refuses a name that resolves to a private address', async () => {
    const refusal = vetTarget('crm.example', nothing, resolving({ 'crm.example': ['10.0.0.5'] }));
    await expect(refusal).rejects.toBeInstanceOf(RefusedTargetError);
    await expect(refusal).rejects.toMatchObject({ reason: 'crm.example resolves to 10.0.0.5, a private address' });
  });

  it('refuses a name with one internal address among public ones: the attacker chooses which one is used', async () => {
    await expect(vetTarget('mixed.example', nothing, resolving({ 'mixed.example': ['8.8.8.8', '2606:4700::1111', '10.0.0.5'] }))).rejects.toMatchObject({
      reason: 'mixed.example resolves to 10.0.0.5, a private address',
    });
    await expect(vetTarget('mapped.example', nothing, resolving({ 'mapped.example': ['::ffff:127.0.0.1'] }))).rejects.toMatchObject({
      reason: 'mapped.example resolves to ::ffff:127.0.0.1, a loopback address (IPv4 127.0.0.1 written as IPv6)',
    });
  });

  it('refuses localhost and metadata names without asking DNS', async () => {
    const asked: string[] = [];
    const resolve: Resolver = async (hostname) => (asked.push(hostname), ['8.8.8.8']);
    await expect(vetTarget('localhost', nothing, resolve)).rejects.toMatchObject({ reason: 'localhost is a loopback name' });
    await expect(vetTarget('metadata.google.internal', nothing, resolve)).rejects.toMatchObject({ reason: 'metadata.google.internal is a cloud metadata name' });
    expect(asked).toEqual([]);
  });

  it('returns the first address of a public name, which is the one connected to', async () => {
    await expect(vetTarget('shop.example', nothing, resolving({ 'shop.example': ['2606:4700::1111', '8.8.8.8'] }))).resolves.toBe('2606:4700::1111');
  });

  it('returns a literal public address as it is, without resolving', async () => {
    await expect(vetTarget('8.8.8.8', nothing, resolving({}))).resolves.toBe('8.8.8.8');
    await expect(vetTarget('2606:4700::1111', nothing, resolving({}))).resolves.toBe('2606:4700::1111');
  });

  it('lets an allowlisted name resolve anywhere, and an allowlisted range be resolved to', async () => {
    const allowlist = parseFetchAllowlist(['crm.internal', '10.0.0.0/8']);
    await expect(vetTarget('crm.internal', allowlist, resolving({ 'crm.internal': ['192.168.1.9'] }))).resolves.toBe('192.168.1.9');
    await expect(vetTarget('erp.example', allowlist, resolving({ 'erp.example': ['10.4.4.4'] }))).resolves.toBe('10.4.4.4');
    await expect(vetTarget('nas.example', allowlist, resolving({ 'nas.example': ['192.168.1.9'] }))).rejects.toMatchObject({
      reason: 'nas.example resolves to 192.168.1.9, a private address',
    });
  });

  it('fails, retryably, on a name that resolves to nothing', async () => {
    const failure = vetTarget('gone.example', nothing, resolving({}));
    await expect(failure).rejects.toThrow('gone.example resolves to no address');
    await expect(failure).rejects.not.toBeInstanceOf(RefusedTargetError);
  });
});
