import { describe, expect, it } from 'vitest';
import { catalogueJson } from '@tend/journey';
import { humanise, itemNoun } from './labels';
import { formSchema } from './schema-walk';
import { buildUiSchema, hintPath } from './ui-schema';

function schemaOf(type: string) {
  return formSchema(catalogueJson().find((entry) => entry.type === type)?.configSchema);
}

describe('buildUiSchema', () => {
  it('gives the shared shapes their own fields without any hint', () => {
    const ui = buildUiSchema(schemaOf('wait-for-event'));
    expect(ui.timeout).toMatchObject({ 'ui:field': 'duration', 'ui:title': 'Timeout' });
    expect(ui.filters).toMatchObject({ 'ui:field': 'propertyFilters' });
    expect(ui.matchEntryProperty).toMatchObject({ 'ui:title': 'Match entry property' });
    expect(buildUiSchema(schemaOf('wait'))).toEqual({ 'ui:field': 'duration' });
  });

  it('finds the branch condition behind its $ref and hides the output ids', () => {
    const ui = buildUiSchema(schemaOf('branch'));
    expect(ui.cases['ui:options']).toEqual({ itemNoun: 'case' });
    expect(ui.cases.items.condition).toMatchObject({ 'ui:field': 'condition', 'ui:fieldReplacesAnyOrOneOf': true });
    expect(ui.cases.items.id).toEqual({ 'ui:widget': 'hidden' });
  });

  it('lays the hints over the shapes, at dotted paths with [] for items', () => {
    const ui = buildUiSchema(schemaOf('send-email'), { html: 'liquid-html', subject: 'liquid' });
    expect(ui.html).toEqual({ 'ui:title': 'HTML', 'ui:widget': 'liquidHtml' });
    const branch = buildUiSchema(schemaOf('branch'), { 'cases[].label': 'hidden' });
    expect(branch.cases.items.label).toMatchObject({ 'ui:widget': 'hidden' });
    const webhook = buildUiSchema(schemaOf('webhook'), { headers: 'headers' });
    expect(webhook.headers).toMatchObject({ 'ui:field': 'record' });
    expect(buildUiSchema(schemaOf('send-sms'), { topic: 'topic' }).topic).toEqual({ 'ui:title': 'Topic', 'ui:widget': 'topic' });
  });

  it('reads both spellings of an item path', () => {
    expect(hintPath('cases[].condition')).toEqual(['cases', 'items', 'condition']);
    expect(hintPath('cases.[].condition')).toEqual(['cases', 'items', 'condition']);
    expect(hintPath('')).toEqual([]);
  });
});

describe('labels', () => {
  it('reads keys as words', () => {
    expect(humanise('timeoutMs')).toBe('Timeout (ms)');
    expect(humanise('saveResponseAs')).toBe('Save response as');
    expect(itemNoun('paths')).toBe('path');
    expect(itemNoun('unset')).toBe('item');
  });
});
