/**
 * One cookie's value from a `document.cookie` string ("a=1; b=2"), or null when it is not set.
 * Values are percent-decoded, as the server's cookie library encodes them.
 */
export function readCookie(cookies: string, name: string): string | null {
  for (const pair of cookies.split(';')) {
    const separator = pair.indexOf('=');
    if (separator === -1) continue;
    if (pair.slice(0, separator).trim() !== name) continue;
    const value = pair.slice(separator + 1).trim();
    try {
      return decodeURIComponent(value);
    } catch {
      return value;
    }
  }
  return null;
}
