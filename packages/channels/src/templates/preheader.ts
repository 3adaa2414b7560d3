/**
 * The preheader: the line inboxes show after the subject. One way for both formats: a hidden
 * block first in the body of the final HTML (MJML's own <mj-preview> writes the same), padded
 * with zero-width characters so the inbox does not pull body text in after it.
 */
export function withPreheader(html: string, preheader: string): string {
  if (!preheader) return html;
  const block =
    '<div style="display:none;font-size:1px;line-height:1px;max-height:0;max-width:0;opacity:0;overflow:hidden;mso-hide:all;">' +
    `${escapeHtml(preheader)}${'&#847;&zwnj;&nbsp;'.repeat(40)}</div>`;
  const body = /<body[^>]*>/i.exec(html);
  if (!body) return block + html;
  const at = body.index + body[0].length;
  return html.slice(0, at) + block + html.slice(at);
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
