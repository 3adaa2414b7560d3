import { describe, expect, test } from 'vitest';
import { defaultEventProperties, parseEventProperties, sampleInput } from './preview-request';

describe('the sample a template is previewed with', () => {
  test('made-up traits, or a real contact by id, with the entry event’s properties', () => {
    expect(sampleInput({ kind: 'made-up', traits: { firstName: 'Ada' } }, { orderId: 'A-1' })).toEqual({
      contactId: null,
      sample: { traits: { firstName: 'Ada' }, event: { name: 'Sample event', properties: { orderId: 'A-1' } } },
    });
    expect(sampleInput({ kind: 'contact', id: 'c_1', name: 'ada@example.com' }, {})).toEqual({ contactId: 'c_1', sample: { event: { name: 'Sample event', properties: {} } } });
    // "Real contact" chosen but none picked yet: no traits rather than a missing contact.
    expect(sampleInput({ kind: 'contact', id: '', name: '' }, {}).contactId).toBeNull();
  });

  test('event properties are a JSON object, and say why not', () => {
    expect(parseEventProperties(defaultEventProperties)).toMatchObject({ ok: true, properties: { products: [{ name: 'Trail boots' }] } });
    expect(parseEventProperties('  ')).toEqual({ ok: true, properties: {} });
    expect(parseEventProperties('{ "products": [ }')).toMatchObject({ ok: false, message: expect.stringMatching(/^not JSON: /) });
    expect(parseEventProperties('[1, 2]')).toEqual({ ok: false, message: 'write an object of properties, e.g. { "orderId": "A-1" }' });
  });
});
