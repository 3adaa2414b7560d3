import { emailTemplates, emailTemplateVersions, type Database } from '@tend/db';
import type { TemplateContent, TemplateKind } from './template-content.js';
import { libraryItem } from './template-library.js';

interface StarterItem {
  id: string;
  kind: TemplateKind;
  name: string;
  content: TemplateContent;
}

/** The workspace's name as literal text in a source: HTML-escaped, and never read as Liquid. */
function literal(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/\{/g, '&#123;').replace(/\}/g, '&#125;');
}

/**
 * A working example library: a responsive `base` layout (600 px wide, one column on phones)
 * with a header and a footer, a `product` block, and a `welcome` email using them all.
 */
export function starterItems(workspaceName: string): StarterItem[] {
  const name = literal(workspaceName);
  return [
    {
      id: 'header',
      kind: 'partial',
      name: 'Header',
      content: {
        format: 'mjml',
        body: `<mj-section padding="24px 0 8px">
  <mj-column>
    <mj-text align="center" font-size="22px" font-weight="bold" color="#1f2933">${name}</mj-text>
  </mj-column>
</mj-section>
`,
      },
    },
    {
      id: 'footer',
      kind: 'partial',
      name: 'Footer',
      content: {
        format: 'mjml',
        body: `<mj-section padding="16px 0 32px">
  <mj-column>
    <mj-text align="center" font-size="12px" line-height="18px" color="#6b7280">
      You receive this email from ${name}.
      {% if unsubscribe_url != blank %}<br />
      <a href="{{ unsubscribe_url }}" style="color:#6b7280;">Unsubscribe</a> ·
      <a href="{{ preferences_url }}" style="color:#6b7280;">Email preferences</a>{% endif %}
    </mj-text>
  </mj-column>
</mj-section>
`,
      },
    },
    {
      id: 'product',
      kind: 'partial',
      name: 'Product block',
      content: {
        format: 'mjml',
        body: `{% comment %}One product: render it with product: set to an item that has name, price, url, image (and cta).{% endcomment %}
<mj-section padding="8px 16px">
  <mj-column width="40%">
    {% if product.image %}<mj-image src="{{ product.image }}" alt="{{ product.name }}" href="{{ product.url }}" border-radius="6px" />{% endif %}
  </mj-column>
  <mj-column width="60%">
    <mj-text font-size="18px" font-weight="bold">{{ product.name | default: 'Product name' }}</mj-text>
    <mj-text color="#4b5563">{{ product.price }}</mj-text>
    <mj-button href="{{ product.url }}" align="left">{{ product.cta | default: 'Shop now' }}</mj-button>
  </mj-column>
</mj-section>
`,
      },
    },
    {
      id: 'base',
      kind: 'layout',
      name: 'Base layout',
      content: {
        format: 'mjml',
        body: `<mjml>
  <mj-head>
    <mj-attributes>
      <mj-all font-family="Helvetica, Arial, sans-serif" />
      <mj-text font-size="16px" line-height="24px" color="#1f2933" />
      <mj-button background-color="#2f6f4e" color="#ffffff" font-size="16px" border-radius="6px" />
    </mj-attributes>
    {% block head %}{% endblock %}
  </mj-head>
  <mj-body background-color="#f4f5f7" width="600px">
    {% render 'header' %}
    <mj-wrapper background-color="#ffffff" border-radius="8px" padding="16px 0">
      {% block content %}{% endblock %}
    </mj-wrapper>
    {% render 'footer' %}
  </mj-body>
</mjml>
`,
      },
    },
    {
      id: 'welcome',
      kind: 'template',
      name: 'Welcome',
      content: {
        format: 'mjml',
        subject: "Welcome, {{ contact.firstName | default: 'friend' }}!",
        preheader: `Good to have you with ${name}.`,
        body: `{% layout 'base' %}
{% block content %}
<mj-section>
  <mj-column>
    <mj-text font-size="24px" font-weight="bold">Welcome, {{ contact.firstName | default: 'friend' }}!</mj-text>
    <mj-text>Thanks for joining ${name}. Here is what we picked for you.</mj-text>
  </mj-column>
</mj-section>
{% for item in event.properties.products limit: 3 %}{% render 'product' product: item %}{% endfor %}
{% endblock %}
`,
      },
    },
  ];
}

/**
 * Adds the starter library to a workspace, published, so it has a working example. Items whose
 * id is taken are left as they are: running it again creates nothing.
 */
export async function createStarterLibrary(db: Database, workspace: { id: string; name: string }, userId: string | null): Promise<{ created: string[] }> {
  return db.transaction(async (tx) => {
    const created: string[] = [];
    for (const item of starterItems(workspace.name)) {
      const inserted = await tx
        .insert(emailTemplates)
        .values({ workspaceId: workspace.id, id: item.id, kind: item.kind, name: item.name, draft: item.content, liveVersion: 1, updatedBy: userId })
        .onConflictDoNothing()
        .returning({ id: emailTemplates.id });
      if (inserted.length === 0) continue;
      const { hash } = libraryItem(item.id, item.kind, item.content);
      await tx.insert(emailTemplateVersions).values({ workspaceId: workspace.id, templateId: item.id, version: 1, content: item.content, hash, publishedBy: userId });
      created.push(item.id);
    }
    return { created };
  });
}
