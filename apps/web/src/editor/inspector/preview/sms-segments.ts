// GSM 03.38: the basic set, and the extension set whose characters take two septets each.
const gsmBasic = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
const gsmExtended = new Set('^{}\\[~]|€\f');

/**
 * How an SMS is billed: GSM-7 fits 160 characters in one part (153 per part once split); one
 * character outside it (an emoji, "ł") makes the whole message UCS-2: 70, then 67 per part.
 */
export function smsSegments(text: string): { characters: number; encoding: 'GSM-7' | 'UCS-2'; segments: number } {
  let septets = 0;
  let gsm = true;
  for (const character of text) {
    if (gsmBasic.has(character)) septets += 1;
    else if (gsmExtended.has(character)) septets += 2;
    else gsm = false;
  }
  if (gsm) return { characters: septets, encoding: 'GSM-7', segments: septets === 0 ? 0 : septets <= 160 ? 1 : Math.ceil(septets / 153) };
  // UCS-2 counts UTF-16 code units: an emoji is two.
  const units = text.length;
  return { characters: units, encoding: 'UCS-2', segments: units <= 70 ? 1 : Math.ceil(units / 67) };
}
