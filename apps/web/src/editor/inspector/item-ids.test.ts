import { describe, expect, it } from 'vitest';
import { catalogueJson } from '@tend/journey';
import { fillItemIds } from './item-ids';
import { formSchema } from './schema-walk';

const schemaOf = (type: string) => formSchema(catalogueJson().find((entry) => entry.type === type)?.configSchema);

describe('fillItemIds', () => {
  it('names a new case with a free id and a label, and leaves the others alone', () => {
    const data = { cases: [{ id: 'case-2', label: 'VIP', condition: {} }, { condition: {} }] };
    expect(fillItemIds(schemaOf('branch'), data).cases).toEqual([
      { id: 'case-2', label: 'VIP', condition: {} },
      { id: 'case-3', label: 'Case 3', condition: {} },
    ]);
  });

  it('returns the same object when nothing is missing', () => {
    const data = { paths: [{ id: 'a', label: 'A', percent: 50 }, { id: 'b', label: 'B', percent: 50 }] };
    expect(fillItemIds(schemaOf('split'), data)).toBe(data);
    const email = { subject: 'Hi' };
    expect(fillItemIds(schemaOf('send-email'), email)).toBe(email);
  });
});
