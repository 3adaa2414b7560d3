import { z } from 'zod';

const example = 'Shop <hello@shop.example>';
const emailAddress = z.email();

/**
 * Why `value` is not one mailbox as an email header names it (RFC 5322), or null when it is:
 * a bare address ("hello@shop.example") or a display name and an address in angle brackets
 * ("Shop <hello@shop.example>"; a name holding a comma or other punctuation goes in double
 * quotes). Stricter than the RFC on purpose: one address, no comments, no groups, no line
 * breaks (a newline in a header value would let it add headers of its own, e.g. a Bcc), and
 * the address as zod's `email` reads it. `noun` names the field in the advice: "write one sender".
 */
export function mailboxError(value: string, noun = 'address'): string | null {
  const advice = `write one ${noun}, e.g. ${example}`;
  if (/[\r\n]/.test(value)) return `write it on one line, without line breaks: ${advice}`;
  if (/\p{Cc}/u.test(value)) return `remove the control character: ${advice}`;
  const text = value.trim();
  if (!text) return advice;
  const outside = unquoted(text);
  if (outside === null) return `close the quoted name with ": ${advice}`;
  if (/[,;:]/.test(outside) || count(outside, '<') > 1) return `"${text}" names more than one address: ${advice}`;
  const angle = outside.indexOf('<');
  if (angle === -1) {
    if (outside.includes('>')) return `open the address with "<": ${advice}`;
    if (/\s/.test(text)) return `put the address in angle brackets, e.g. Shop <hello@shop.example>`;
    return addressError(text, advice);
  }
  if (!outside.endsWith('>') || count(outside, '>') !== 1) return `end with the address in angle brackets, e.g. ${example}`;
  // Quoted parts keep their length in `outside`, so its positions are the text's.
  const name = outside.slice(0, angle);
  if (/[()[\]@\\]/.test(name)) return `put the name in double quotes, e.g. "Shop (Paris)" <hello@shop.example>`;
  return addressError(text.slice(angle + 1, -1).trim(), advice);
}

/**
 * `mailboxError` as a zod check of a trimmed string; `noun` names the field in the advice.
 * An empty value is refused: make the field optional where "none" is allowed.
 */
export function mailbox(noun = 'address') {
  return z
    .string()
    .trim()
    .superRefine((value, context) => {
      const error = mailboxError(value, noun);
      if (error) context.addIssue({ code: 'custom', message: error });
    });
}

function addressError(address: string, advice: string): string | null {
  if (!address.includes('@')) return `"${address}" is not an email address (it has no @): ${advice}`;
  // 254: the longest address SMTP's path limit leaves room for (RFC 5321 and its errata).
  if (address.length > 254 || !emailAddress.safeParse(address).success) return `"${address}" is not an email address: ${advice}`;
  return null;
}

/**
 * The text with each double-quoted part (and its quotes) blanked out as NULs, so punctuation in a
 * quoted name is not read as structure; null when a quote is left open.
 */
function unquoted(text: string): string | null {
  let result = '';
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (quoted && char === '\\' && index + 1 < text.length) {
      result += '\u0000\u0000';
      index++;
    } else if (char === '"') {
      quoted = !quoted;
      result += '\u0000';
    } else {
      result += quoted ? '\u0000' : char;
    }
  }
  return quoted ? null : result;
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}
