import { describe, expect, it } from 'vitest';
import { addTracking } from './tracking.js';
import { unsubscribeLinks, unsubscribeToken, verifyUnsubscribeToken, type UnsubscribeClaim } from './unsubscribe-token.js';

const claim: UnsubscribeClaim = { workspaceId: 'ws', contactId: 'c-1', topic: 'offers', idempotencyKey: 'journey/ws/j/c-1:run:offer:1' };
const secret = 'the-workspace-secret';

describe('unsubscribe tokens', () => {
  it('name the workspace, contact, topic and message, and verify with the workspace secret', () => {
    expect(verifyUnsubscribeToken(unsubscribeToken(claim, secret), secret)).toEqual(claim);
  });

  it('are refused when any part is changed, or signed with another workspace secret', () => {
    const token = unsubscribeToken(claim, secret);
    const [payload, signature] = token.split('.') as [string, string];
    const otherContact = Buffer.from(JSON.stringify(['ws', 'c-2', 'offers', claim.idempotencyKey])).toString('base64url');
    expect(verifyUnsubscribeToken(`${otherContact}.${signature}`, secret)).toBeNull();
    expect(verifyUnsubscribeToken(`${payload}.${signature.slice(0, -1)}A`, secret)).toBeNull();
    expect(verifyUnsubscribeToken(token, 'another-secret')).toBeNull();
    expect(verifyUnsubscribeToken('not-a-token', secret)).toBeNull();
    expect(verifyUnsubscribeToken(`${Buffer.from('{"a":1}').toString('base64url')}.${signature}`, secret)).toBeNull();
  });

  it('are not tracked as clicks when an email links to them', () => {
    const links = unsubscribeLinks('https://tend.example/', unsubscribeToken(claim, secret));
    const html = `<a href="${links.unsubscribeUrl}">Unsubscribe</a> <a href="https://shop.example/">Shop</a>`;
    const tracked = addTracking(html, claim.idempotencyKey, { baseUrl: 'https://tend.example', secret });
    expect(tracked).toContain(`href="${links.unsubscribeUrl}"`);
    expect(tracked).toMatch(/href="https:\/\/tend\.example\/t\/c\/[^"]+shop\.example/);
  });
});
