import type { TemplateContent, TemplateKind } from './template-content.js';

const mjmlSection = `<mj-section>
  <mj-column>
    <mj-text>Hello {{ contact.firstName | default: 'there' }},</mj-text>
  </mj-column>
</mj-section>`;

/**
 * What a new item starts with, so it renders (and could be published) from the first moment:
 * a template fills the `base` layout when the workspace has one, else is a whole document.
 */
export function newItemContent(kind: TemplateKind, format: 'mjml' | 'html', hasBaseLayout: boolean): TemplateContent {
  if (format === 'html') {
    if (kind === 'layout') return { format, body: '<!doctype html>\n<html>\n  <body>\n    {% block content %}{% endblock %}\n  </body>\n</html>\n' };
    if (kind === 'partial') return { format, body: '<p>A block to share between emails.</p>\n' };
    return { format, subject: "Hello {{ contact.firstName | default: 'there' }}", body: "<p>Hello {{ contact.firstName | default: 'there' }},</p>\n" };
  }
  if (kind === 'layout') return { format, body: `<mjml>\n  <mj-body>\n    {% block content %}{% endblock %}\n  </mj-body>\n</mjml>\n` };
  if (kind === 'partial') return { format, body: `${mjmlSection}\n` };
  const body = hasBaseLayout
    ? `{% layout 'base' %}\n{% block content %}\n${mjmlSection}\n{% endblock %}\n`
    : `<mjml>\n  <mj-body>\n${mjmlSection.replace(/^/gm, '    ')}\n  </mj-body>\n</mjml>\n`;
  return { format, subject: "Hello {{ contact.firstName | default: 'there' }}", body };
}
