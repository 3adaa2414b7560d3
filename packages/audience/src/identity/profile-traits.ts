import { isValidTimeZone } from '@tend/journey/ir';

/** A trait whose value Tend cannot use, and why. */
export interface TraitProblem {
  trait: string;
  message: string;
}

/**
 * The traits the engine reads and so checks on the way in: `timezone` (an IANA zone; waits
 * "until 9:00" use it) and `locale` (a BCP 47 tag). null or absent is fine: the contact then
 * has none. Every other trait is the sender's business.
 */
export function traitProblems(traits: Record<string, unknown>): TraitProblem[] {
  const problems: TraitProblem[] = [];
  const { timezone, locale } = traits;
  if (timezone != null && !(typeof timezone === 'string' && isValidTimeZone(timezone))) {
    problems.push({ trait: 'timezone', message: `unknown time zone ${JSON.stringify(timezone)}: use an IANA zone, e.g. "Europe/Paris"` });
  }
  if (locale != null && !(typeof locale === 'string' && isValidLocale(locale))) {
    problems.push({ trait: 'locale', message: `invalid locale ${JSON.stringify(locale)}: use a BCP 47 language tag, e.g. "en-GB"` });
  }
  return problems;
}

/**
 * Whether `tag` is a well-formed BCP 47 language tag ("en-GB", "pt-BR", "zh-Hant-TW"), checked
 * by the runtime's Intl, which also knows "en_GB" is not one.
 */
export function isValidLocale(tag: string): boolean {
  if (tag === '') return false;
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}
