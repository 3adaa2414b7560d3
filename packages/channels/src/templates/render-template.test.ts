import { describe, expect, it } from 'vitest';
import { templateScope } from '../template.js';
import { renderTemplate, type TemplateVariables } from './render-template.js';
import { starterItems } from './starter-library.js';
import { libraryItem, templateLibrary, type LibraryItem } from './template-library.js';

const base = libraryItem('base', 'layout', {
  format: 'mjml',
  body: `<mjml>
  <mj-head><mj-style>.note { color: #ff0000; }</mj-style></mj-head>
  <mj-body>
    {% block content %}{% endblock %}
    {% render 'footer' %}
  </mj-body>
</mjml>`,
}, 1);
const footer = libraryItem('footer', 'partial', {
  format: 'mjml',
  body: `<mj-section><mj-column><mj-text css-class="note">
  Hi again {{ contact.firstName | default: 'friend' }}{{ contact.nickname }}.
  <a href="{{ unsubscribe_url }}">Unsubscribe</a>
</mj-text></mj-column></mj-section>`,
}, 1);
const product = libraryItem('product', 'partial', {
  format: 'mjml',
  body: `<mj-section><mj-column><mj-text>{{ product.name }} costs {{ product.price }}{{ product.missing }}</mj-text></mj-column></mj-section>`,
}, 1);
const welcome = libraryItem('welcome', 'template', {
  format: 'mjml',
  subject: 'Welcome, {{ contact.firstName }}{{ contact.lastName }}',
  preheader: 'Your {{ event.properties.products.size }} picks',
  body: `{% layout 'base' %}
{% block content %}
<mj-section><mj-column>
  <mj-text><h1>Hello {{ contact.firstName }}</h1><p>Glad you are here.</p></mj-text>
</mj-column></mj-section>
{% for item in event.properties.products %}{% render 'product' product: item %}{% endfor %}
{% if contact.vip %}<mj-section><mj-column><mj-text>VIP corner</mj-text></mj-column></mj-section>{% endif %}
{% endblock %}`,
}, 1);

function variables(traits: Record<string, unknown>, products: unknown[] = []): TemplateVariables {
  return {
    ...templateScope({ id: 'c1', userId: 'ada', email: 'ada@example.com', traits }, { name: 'Signed Up', properties: { products } }),
    unsubscribe_url: 'https://tend.example/u/abc?x=1&y=2',
    preferences_url: 'https://tend.example/u/abc/preferences',
  };
}

const library = (...items: LibraryItem[]) => templateLibrary('ws', items);

describe('renderTemplate', () => {
  it('renders Liquid with the layout and partials first, then MJML into responsive HTML', async () => {
    const email = await renderTemplate(library(base, footer, product, welcome), 'welcome', variables({ firstName: 'Ada', vip: true }, [{ name: 'Boots', price: '€80' }, { name: 'Hat', price: '€20' }]));
    expect(email.subject).toBe('Welcome, Ada');
    // MJML output: tables and the mobile media query.
    expect(email.html).toMatch(/<table[^>]*role="presentation"/);
    expect(email.html).toContain('@media only screen and (min-width:480px)');
    expect(email.html).toContain('Hello Ada');
    expect(email.html).toContain('Boots costs €80');
    expect(email.html).toContain('Hat costs €20');
    // Liquid control flow around a section survives, because Liquid runs before MJML.
    expect(email.html).toContain('VIP corner');
    // The footer partial sees the recipient's links (escaped as an attribute value should be).
    expect(email.html).toContain('href="https://tend.example/u/abc?x=1&amp;y=2"');
    expect(email.html).not.toContain('<mj-');
  });

  it('escapes a trait holding markup, in the template and in partials, and keeps the subject plain', async () => {
    const email = await renderTemplate(library(base, footer, product, welcome), 'welcome', variables({ firstName: '<script>alert(1)</script>' }, [{ name: '<b>Boots</b>', price: 1 }]));
    expect(email.html).not.toContain('<script>alert(1)</script>');
    expect(email.html).toContain('Hello &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(email.html).toContain('&lt;b&gt;Boots&lt;/b&gt; costs 1');
    expect(email.subject).toBe('Welcome, <script>alert(1)</script>');
  });

  it('renders a missing variable as nothing or its default, never "undefined", in partials too', async () => {
    const email = await renderTemplate(library(base, footer, product, welcome), 'welcome', variables({}, [{ name: 'Boots' }]));
    expect(email.subject).toBe('Welcome,');
    expect(email.html).toContain('Hi again friend.');
    expect(email.html).toContain('Boots costs</div>');
    for (const part of [email.subject, email.html, email.text, email.preheader]) expect(part).not.toMatch(/undefined|null/);
  });

  it('derives a text part without CSS, layout tables or the hidden preheader', async () => {
    const email = await renderTemplate(library(base, footer, product, welcome), 'welcome', variables({ firstName: 'Ada' }, [{ name: 'Boots', price: '€80' }]));
    expect(email.text).toContain('Hello Ada');
    expect(email.text).toContain('Glad you are here.');
    expect(email.text).toContain('Boots costs €80');
    expect(email.text).toContain('Unsubscribe [https://tend.example/u/abc?x=1&y=2]');
    expect(email.text).not.toMatch(/[{}]|color:|@media|<|outlook|Your 1 picks/i);
    expect(email.text).not.toMatch(/\n{3,}/);
  });

  it('uses the written text part when there is one', async () => {
    const withText = libraryItem('welcome', 'template', { ...welcome.content, text: 'Hi {{ contact.firstName }}, <not html>' }, 2);
    const email = await renderTemplate(library(base, footer, product, withText), 'welcome', variables({ firstName: 'Ada' }));
    expect(email.text).toBe('Hi Ada, <not html>');
  });

  it('puts the preheader first in the body, hidden, and returns it', async () => {
    const email = await renderTemplate(library(base, footer, product, welcome), 'welcome', variables({}, [{ name: 'a' }, { name: 'b' }]));
    expect(email.preheader).toBe('Your 2 picks');
    expect(email.html).toMatch(/<body[^>]*><div style="display:none;[^"]*">Your 2 picks/);
    const html = libraryItem('plain', 'template', { format: 'html', subject: 's', preheader: 'Fish & chips', body: '<p>Hi</p>' }, 1);
    const plain = await renderTemplate(library(html), 'plain', variables({}));
    expect(plain.html).toMatch(/^<div style="display:none;[^"]*">Fish &amp; chips/);
    expect(plain.text).toBe('Hi');
  });

  it('renders with and without the compiled-template cache alike, and sees a new partial version at once', async () => {
    const vars = variables({ firstName: 'Ada' });
    const cached = await renderTemplate(library(base, footer, product, welcome), 'welcome', vars);
    const again = await renderTemplate(library(base, footer, product, welcome), 'welcome', vars);
    const cold = await renderTemplate(library(base, footer, product, welcome), 'welcome', vars, { cache: false });
    expect(again).toEqual(cached);
    expect(cold).toEqual(cached);
    const footer2 = libraryItem('footer', 'partial', { format: 'mjml', body: '<mj-section><mj-column><mj-text>New footer</mj-text></mj-column></mj-section>' }, 2);
    const next = await renderTemplate(library(base, footer2, product, welcome), 'welcome', vars);
    expect(next.html).toContain('New footer');
    expect(next.html).not.toContain('Hi again');
  });

  it('renders the starter library', async () => {
    const items = starterItems('Acme & Co').map((item) => ({ ...libraryItem(item.id, item.kind, item.content, 1) }));
    const email = await renderTemplate(library(...items), 'welcome', variables({ firstName: 'Ada' }, []));
    expect(email.subject).toBe('Welcome, Ada!');
    expect(email.html).toContain('Acme &amp; Co');
    expect(email.html).toContain('href="https://tend.example/u/abc/preferences"');
  });
});
