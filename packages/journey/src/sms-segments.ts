/**
 * How many SMS a text costs. A text written only in the GSM 03.38 alphabet is sent as GSM-7
 * (160 characters in one SMS); any other character (an emoji, a Polish ł, a curly quote) makes
 * the whole message UCS-2 (70). A longer message is split into parts that each lose room to the
 * header that joins them again on the phone: 153 GSM-7 characters or 67 UCS-2 units each.
 */
export interface SmsSegments {
  encoding: 'GSM-7' | 'UCS-2';
  /** What the limits count: GSM-7 septets (an extension character such as € or { is 2), or UTF-16 units (an emoji is 2). */
  characters: number;
  /** The SMS the carrier bills; 0 for an empty text. */
  segments: number;
}

// The GSM 03.38 default alphabet, in code order (without ESC, which only introduces an extension character).
const gsmBasic = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
// Sent as ESC + a character: two septets each.
const gsmExtension = new Set('\f^{}\\[~]|€');

const limits = {
  'GSM-7': { single: 160, part: 153 },
  'UCS-2': { single: 70, part: 67 },
} as const;

/** The encoding, size and SMS count of `text`, as carriers count them (pure; safe in the browser). */
export function smsSegments(text: string): SmsSegments {
  const symbols = [...text];
  const gsm = symbols.every((symbol) => gsmBasic.has(symbol) || gsmExtension.has(symbol));
  const encoding = gsm ? 'GSM-7' : 'UCS-2';
  // A part never splits an extension character's two septets, nor an emoji's two UTF-16 units.
  const costs = symbols.map((symbol) => (gsm ? (gsmExtension.has(symbol) ? 2 : 1) : symbol.length));
  const characters = costs.reduce((sum, cost) => sum + cost, 0);
  const { single, part } = limits[encoding];
  if (characters === 0) return { encoding, characters, segments: 0 };
  if (characters <= single) return { encoding, characters, segments: 1 };
  let segments = 1;
  let used = 0;
  for (const cost of costs) {
    if (used + cost > part) {
      segments += 1;
      used = 0;
    }
    used += cost;
  }
  return { encoding, characters, segments };
}
