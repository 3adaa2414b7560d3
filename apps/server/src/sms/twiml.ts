/** A TwiML answer to an inbound message: one reply, or none (`<Response/>`). */
export function twiml(reply?: string): string {
  const body = reply === undefined ? '<Response/>' : `<Response><Message>${escapeXml(reply)}</Message></Response>`;
  return `<?xml version="1.0" encoding="UTF-8"?>${body}`;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}
