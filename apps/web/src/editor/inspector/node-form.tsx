import Form, { type IChangeEvent } from '@rjsf/core';
import validator from '@rjsf/validator-ajv8';
import { useMemo } from 'react';
import { problemsToErrorSchema } from './field-path';
import type { InspectorFormContext } from './form-context';
import { fields, templates, widgets } from './form-registry';
import { isObject, type CatalogueEntry, type JsonObject, type Problem } from './inspector-types';
import { fillItemIds } from './item-ids';
import { formSchema } from './schema-walk';
import { buildUiSchema } from './ui-schema';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

// rjsf would otherwise invent empty cases to reach minItems; the validator says "add at least one".
const defaultsBehaviour = { arrayMinItems: { populate: 'never' as const } };

/**
 * A node's config as a form generated from its JSON Schema. The messages shown are our
 * validator's (the same as `tend publish`), placed on their fields; rjsf's own validation is off.
 */
export function NodeForm({
  nodeId,
  entry,
  data,
  problems,
  readOnly,
  context,
  onChange,
}: {
  nodeId: string;
  entry: CatalogueEntry;
  data: JsonObject;
  problems: readonly Problem[];
  readOnly: boolean;
  context: InspectorFormContext;
  onChange: (data: JsonObject) => void;
}) {
  const schema = useMemo(() => formSchema(entry.configSchema), [entry]);
  const uiSchema = useMemo(() => buildUiSchema(schema, entry.ui), [schema, entry]);
  const extraErrors = useMemo(() => problemsToErrorSchema(problems), [problems]);
  const handleChange = (event: IChangeEvent, fieldId?: string) => {
    // rjsf also reports the defaults it fills in (when it mounts, after an undo): those come
    // without a field id. Only an edit of a field is written, so selecting a node or undoing
    // is never an undo step of its own (and never a store write while React renders).
    if (readOnly || fieldId === undefined) return;
    const next = fillItemIds(schema, isObject(event.formData) ? event.formData : {});
    if (!same(next, data)) onChange(next);
  };
  return (
    <Form
      className="inspector-form"
      tagName="div"
      idPrefix={`node-${nodeId}`}
      schema={schema}
      uiSchema={uiSchema}
      formData={data}
      formContext={context}
      validator={validator}
      noValidate
      noHtml5Validate
      liveValidate={false}
      showErrorList={false}
      extraErrors={extraErrors}
      disabled={readOnly}
      fields={fields}
      widgets={widgets}
      templates={templates}
      experimental_defaultFormStateBehavior={defaultsBehaviour}
      onChange={handleChange}
    >
      <></>
    </Form>
  );
}
