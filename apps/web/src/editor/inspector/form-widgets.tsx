import type { WidgetProps } from '@rjsf/utils';
import { useEditor } from '../store/editor-store';
import { cronText } from './cron-text';
import { formContextOf } from './form-context';
import { useEventProperties, useTraitNames } from './inspector-api';
import { EmailTemplatePicker } from './inputs/email-template-picker';
import { EventNamePicker, PropertyNamePicker, TraitNamePicker } from './inputs/pickers';
import { TimeZoneSelect } from './inputs/time-zone-select';
import { TopicPicker } from './inputs/topic-picker';
import { LiquidEditor } from './liquid-editor';
import { templateOverrideHint } from './template-options';

/** Our rjsf widgets: one value each, labelled by the field template's <label for={id}>. */

const off = (props: WidgetProps) => Boolean(props.disabled || props.readonly);
const textOf = (value: unknown) => (typeof value === 'string' ? value : '');
const invalid = (props: WidgetProps) => (props.rawErrors?.length ?? 0) > 0;
/** Empty text is no value, so a required field says so instead of saving "". */
const emptyIsUnset = (text: string) => (text === '' ? undefined : text);

export function TimeOfDayWidget(props: WidgetProps) {
  return (
    <input
      id={props.id}
      className="input input--time"
      type="time"
      value={textOf(props.value)}
      disabled={off(props)}
      aria-invalid={invalid(props) || undefined}
      onChange={(event) => props.onChange(emptyIsUnset(event.target.value.slice(0, 5)))}
    />
  );
}

export function TimeZoneWidget(props: WidgetProps) {
  return <TimeZoneSelect id={props.id} label={props.label} value={textOf(props.value) || undefined} disabled={off(props)} onChange={props.onChange} />;
}

export function EventNameWidget(props: WidgetProps) {
  return <EventNamePicker id={props.id} label={props.label} value={textOf(props.value)} disabled={off(props)} invalid={invalid(props)} onChange={(value) => props.onChange(emptyIsUnset(value))} />;
}

export function PropertyNameWidget(props: WidgetProps) {
  const context = formContextOf(props.registry.formContext);
  // "Same <property> as the entry event" names a property of the entry event; others are the node's own event's.
  const event = props.name === 'matchEntryProperty' ? (context.entryEvent ?? context.event) : (context.event ?? context.entryEvent);
  return (
    <PropertyNamePicker id={props.id} label={props.label} event={event} value={textOf(props.value)} disabled={off(props)} invalid={invalid(props)} onChange={(value) => props.onChange(emptyIsUnset(value))} />
  );
}

export function TraitNameWidget(props: WidgetProps) {
  return <TraitNamePicker id={props.id} label={props.label} value={textOf(props.value)} disabled={off(props)} invalid={invalid(props)} onChange={(value) => props.onChange(emptyIsUnset(value))} />;
}

function LiquidField({ props, multiline }: { props: WidgetProps; multiline: boolean }) {
  const { entryEvent, template } = formContextOf(props.registry.formContext);
  const traits = useTraitNames();
  const eventProperties = useEventProperties(entryEvent);
  const readOnly = useEditor((state) => state.readOnly) || off(props);
  // Beside a library template, the step's own subject and body are overrides: say so.
  const override = template ? templateOverrideHint(props.name, template) : null;
  return (
    <>
      <LiquidEditor
        id={props.id}
        label={props.label}
        value={textOf(props.value)}
        names={{ traits, eventProperties }}
        readOnly={readOnly}
        multiline={multiline}
        placeholder={override ? `From the template "${template}"` : multiline ? 'Hello {{ contact.firstName }}' : undefined}
        onChange={(value) => props.onChange(emptyIsUnset(value))}
      />
      {override && <span className="field__hint">{override}</span>}
    </>
  );
}

export function LiquidWidget(props: WidgetProps) {
  return <LiquidField props={props} multiline={false} />;
}

export function LiquidHtmlWidget(props: WidgetProps) {
  return <LiquidField props={props} multiline />;
}

export function EmailTemplateWidget(props: WidgetProps) {
  return <EmailTemplatePicker id={props.id} value={textOf(props.value)} disabled={off(props)} invalid={invalid(props)} onChange={(value) => props.onChange(emptyIsUnset(value))} />;
}

export function TopicWidget(props: WidgetProps) {
  return <TopicPicker id={props.id} value={textOf(props.value)} disabled={off(props)} invalid={invalid(props)} onChange={(value) => props.onChange(emptyIsUnset(value))} />;
}

export function CronWidget(props: WidgetProps) {
  const value = textOf(props.value);
  const hintId = `${props.id}-cron`;
  return (
    <>
      <input
        id={props.id}
        className="input input--mono"
        type="text"
        value={value}
        placeholder="0 9 * * 1"
        spellCheck={false}
        disabled={off(props)}
        aria-describedby={hintId}
        aria-invalid={invalid(props) || undefined}
        onChange={(event) => props.onChange(emptyIsUnset(event.target.value))}
      />
      <span id={hintId} className="field__hint">
        {cronText(value)}
      </span>
    </>
  );
}
