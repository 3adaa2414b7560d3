import { isSupportedCountry, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

const example = 'e.g. +14155550123';

/**
 * The contact's `phone` trait in E.164 (+14155550123), or why there is none, said so a marketer
 * knows what to fix. An international number ("+44 7700 900123", "0044…") is read as it is; a
 * national one ("07700 900123") with the contact's `country` trait (ISO 3166 alpha-2, "GB").
 */
export function phoneOf(traits: Record<string, unknown>): { phone: string } | { skip: string } {
  const raw = traits.phone;
  if (raw === undefined || raw === null || raw === '') return { skip: 'the contact has no phone number' };
  if (typeof raw !== 'string' && typeof raw !== 'number') return { skip: `the contact's phone trait is not a phone number (${example})` };
  const country = countryOf(traits.country);
  const parsed = parsePhoneNumberFromString(String(raw), country && 'code' in country ? country.code : undefined);
  if (!parsed) {
    // An unreadable country matters only to a number that needs one.
    if (country && 'skip' in country) return country;
    return country
      ? { skip: `the contact's phone number cannot be read as a number of ${country.code}: check the phone trait (${example})` }
      : { skip: `the contact's phone number is not in international form: write it with + and the country code (${example}), or set the contact's country trait (e.g. GB)` };
  }
  // Possible (the right length for its country), not "valid": numbering plans gain new ranges
  // before this library learns them, and the provider's answer (21211) is the authority on that.
  if (!parsed.isPossible()) return { skip: `the contact's phone number has the wrong number of digits for +${parsed.countryCallingCode}: check the phone trait` };
  return { phone: parsed.number };
}

function countryOf(trait: unknown): { code: CountryCode } | { skip: string } | undefined {
  if (trait === undefined || trait === null || trait === '') return undefined;
  const code = typeof trait === 'string' ? trait.trim().toUpperCase() : '';
  if (!isSupportedCountry(code)) {
    return { skip: `the contact's phone number is not in international form, and their country trait is not an ISO 3166 country code (e.g. GB, US) to read it with` };
  }
  return { code };
}
