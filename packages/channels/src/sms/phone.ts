/** The contact's `phone` trait in E.164 (+14155550123), or why there is none. */
export function phoneOf(traits: Record<string, unknown>): { phone: string } | { skip: string } {
  const raw = traits.phone;
  if (raw === undefined || raw === null || raw === '') return { skip: 'the contact has no phone number' };
  // People write "+1 (415) 555-0123"; the separators carry no meaning.
  const phone = typeof raw === 'string' ? raw.replace(/[\s().-]/g, '') : '';
  if (!/^\+[1-9]\d{1,14}$/.test(phone)) {
    return { skip: 'the contact\'s phone number is not in international form (+ country code and number, e.g. +14155550123)' };
  }
  return { phone };
}
