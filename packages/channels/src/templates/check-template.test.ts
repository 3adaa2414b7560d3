import { describe, expect, it } from 'vitest';
import { checkTemplate } from './check-template.js';
import { starterItems } from './starter-library.js';
import { libraryItem, templateLibrary, type LibraryItem } from './template-library.js';
import { formatTemplateProblem } from './template-problem.js';

const base = libraryItem('base', 'layout', {
  format: 'mjml',
  body: `<mjml>
  <mj-body>
    <mj-section><mj-column>{% block intro %}{% endblock %}</mj-column></mj-section>
    {% block content %}{% endblock %}
  </mj-body>
</mjml>`,
}, 1);
const footer = libraryItem('footer', 'partial', { format: 'mjml', body: '<mj-section><mj-column><mj-text>Bye</mj-text></mj-column></mj-section>' }, 1);
const library = (...items: LibraryItem[]) => templateLibrary('ws', [base, footer, ...items], ['drafty']);
const template = (body: string, more: { subject?: string; text?: string } = {}) => libraryItem('welcome', 'template', { format: 'mjml', subject: 'Hi', ...more, body });
const messages = async (item: LibraryItem, items: LibraryItem[] = []) => (await checkTemplate(item, library(...items))).map(formatTemplateProblem);

describe('checkTemplate', () => {
  it('passes a template that fills its layout, with partials and Liquid around sections', async () => {
    const body = `{% layout 'base' %}
{% block intro %}<mj-text>Hello {{ contact.firstName | default: 'friend' }}</mj-text>{% endblock %}
{% block content %}
{% if contact.vip %}<mj-section><mj-column><mj-button href="{{ event.url }}">Go</mj-button></mj-column></mj-section>{% endif %}
{% render 'footer' %}
{% endblock %}`;
    expect(await checkTemplate(template(body), library())).toEqual([]);
  });

  it('gives a Liquid syntax error its line and column, in the field it is in', async () => {
    const body = `<mjml>\n  <mj-body>\n    {% if contact.vip %}\n  </mj-body>\n</mjml>`;
    expect(await checkTemplate(template(body, { subject: 'Hi {{ contact.name | upcse }}' }), library())).toEqual([
      { template: 'welcome', field: 'subject', line: 1, column: 4, message: 'undefined filter: upcse' },
      { template: 'welcome', field: 'body', line: 3, column: 5, message: 'tag {% if contact.vip %} not closed' },
    ]);
  });

  it('gives an unknown MJML element its source line and column, with Liquid on the lines before', async () => {
    const body = `{% layout 'base' %}
{% block content %}
{% assign greeting = 'Hello' %}
<mj-section>
  <mj-column>
    <mj-text>{{ greeting }} {{ contact.firstName }}</mj-text>
      <mj-textt>oops</mj-textt>
  </mj-column>
</mj-section>
{% endblock %}`;
    expect(await messages(template(body))).toEqual(["welcome, line 7, column 7: Element mj-textt doesn't exist or is not registered"]);
  });

  it('judges each block inside the elements that enclose it in the layout', async () => {
    // `intro` sits in a column (text is fine there, a section is not); `content` in the body.
    const body = `{% layout 'base' %}
{% block intro %}<mj-section></mj-section>{% endblock %}
{% block content %}
<mj-text>not in a column</mj-text>
{% endblock %}`;
    expect(await messages(template(body))).toEqual([
      'welcome, line 2, column 18: mj-section cannot be used inside mj-column, only inside: mj-attributes, mj-body, mj-wrapper',
      'welcome, line 4, column 1: mj-text cannot be used inside mj-body, only inside: mj-attributes, mj-column, mj-hero',
    ]);
  });

  it('counts unknown attributes in a partial, but not where it is put (its parent is not known)', async () => {
    const partial = libraryItem('bits', 'partial', { format: 'mjml', body: '<mj-text>one</mj-text>\n<mj-button hreff="x">two</mj-button>' });
    expect(await messages(partial)).toEqual(['bits, line 2, column 12: Attribute hreff is illegal']);
  });

  it('does not hold an attribute value that Liquid fills in against it', async () => {
    const body = `<mjml><mj-body><mj-section padding="{{ contact.padding }}"><mj-column><mj-text>x</mj-text></mj-column></mj-section></mj-body></mjml>`;
    expect(await messages(template(body))).toEqual([]);
  });

  it('names a missing partial or layout, and says to publish one that is only a draft', async () => {
    expect(await messages(template(`{% layout 'base' %}{% block content %}{% render 'heder' %}{% endblock %}`))).toEqual([
      'welcome, line 1, column 39: there is no published partial "heder": create and publish it under Templates, or fix the name',
    ]);
    expect(await messages(template(`{% layout 'nope' %}{% block content %}{% endblock %}`))).toEqual([
      'welcome, line 1, column 1: there is no published layout "nope": create and publish it under Templates, or fix the name',
    ]);
    expect(await messages(template(`<mjml><mj-body>{% render 'drafty' %}</mj-body></mjml>`))).toEqual([
      'welcome, line 1, column 16: the partial "drafty" is not published yet: publish it first',
    ]);
  });

  it('refuses a block the layout does not have (Liquid would drop it silently)', async () => {
    expect(await messages(template(`{% layout 'base' %}\n{% block main %}<mj-section></mj-section>{% endblock %}`))).toEqual([
      'welcome, line 2, column 1: the layout "base" has no block "main": fill one of its blocks (intro, content)',
    ]);
  });

  it('finds a partial put where MJML does not allow it, once assembled', async () => {
    const text = libraryItem('line', 'partial', { format: 'mjml', body: '<mj-text>A line</mj-text>' }, 1);
    expect(await messages(template(`{% layout 'base' %}{% block content %}{% render 'line' %}{% endblock %}`), [text])).toEqual([
      'welcome: once assembled with its layout and partials: mj-text cannot be used inside mj-body, only inside: mj-attributes, mj-column, mj-hero',
    ]);
  });

  it('asks for a subject and a body, a whole document or a layout, and a block in a layout', async () => {
    expect(await messages(libraryItem('t', 'template', { format: 'mjml', subject: ' ', body: '' }))).toEqual(['t (subject): write a subject line', 't: write the body']);
    expect(await messages(template('<mj-section></mj-section>'))).toEqual([
      "welcome, line 1, column 1: an MJML template is a whole <mjml> document, or fills a layout's blocks: start it with {% layout 'base' %}",
    ]);
    expect(await messages(libraryItem('plain', 'layout', { format: 'mjml', body: '<mjml><mj-body></mj-body></mjml>' }))).toEqual([
      'plain: a layout needs a block for templates to fill: add {% block content %}{% endblock %} where their content goes',
    ]);
  });

  it('reports an error inside a partial as the partial\'s', async () => {
    const broken = libraryItem('broken', 'partial', { format: 'html', body: '<p>\n{{ x | nofilter }}</p>' }, 1);
    const html = libraryItem('t', 'template', { format: 'html', subject: 's', body: "<p>Hi</p>{% render 'broken' %}" });
    expect(await messages(html, [broken])).toEqual(['t: in the partial "broken", line 2, column 1: undefined filter: nofilter']);
  });

  it('passes every item of the starter library', async () => {
    const items = starterItems('Acme "Shoes" {{ & }}').map((item) => libraryItem(item.id, item.kind, item.content, 1));
    const starter = templateLibrary('ws', items);
    for (const item of items) expect(await checkTemplate(item, starter), item.id).toEqual([]);
  });
});
