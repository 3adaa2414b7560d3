import { lifecycleStages } from '@tend/journey/editor';
import { useMemo } from 'react';
import { useEditor } from '../store/editor-store';
import { useProblems } from '../store/validation';
import { errorsAt, flattenErrors, problemsToErrorSchema } from './field-path';
import { isObject, type JsonObject } from './inspector-types';
import { DurationInput } from './inputs/duration-input';
import { EventNamePicker, PropertyNamePicker } from './inputs/pickers';
import { PropertyFilters } from './inputs/property-filters';
import { RowErrors } from './inputs/row-errors';
import { TimeZoneSelect } from './inputs/time-zone-select';
import { useEntryEvent } from './use-entry-event';
import './inspector.css';

const reentryOptions = [
  { value: 'once-at-a-time', label: 'Again after their run ends', description: 'A contact can enter again once their previous run through this journey has ended.' },
  { value: 'once-ever', label: 'Only once, ever', description: 'A contact enters at most once, whatever happens later.' },
  { value: 'cooldown', label: 'Again after a cool-down', description: 'A contact can enter again once the cool-down has passed since they last entered.' },
  { value: 'restart', label: 'Start over on each trigger', description: 'A new trigger takes the contact back to the start, e.g. "90 days since the last order".' },
] as const;

const priorities = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1] as const;
const priorityLabels: Partial<Record<number, string>> = { 10: '10 (highest)', 5: '5 (default)', 1: '1 (lowest)' };
const cappedChannels = [
  { channel: 'email', name: 'Email' },
  { channel: 'sms', name: 'SMS' },
  { channel: 'push', name: 'Push' },
] as const;

/** The journey as a whole: name, description, lifecycle stage and its settings (shown when no node is selected). */
export function JourneySettingsForm() {
  const meta = useEditor((state) => state.meta);
  const readOnly = useEditor((state) => state.readOnly);
  const setMeta = useEditor((state) => state.setMeta);
  const problems = useProblems();
  const entryEvent = useEntryEvent();
  const errors = useMemo(() => problemsToErrorSchema(problems.filter((problem) => problem.nodeId === undefined)), [problems]);
  const settings = meta.settings;
  const reentry = typeof settings.reentry === 'string' ? settings.reentry : 'once-at-a-time';
  const exitWhen = Array.isArray(settings.exitWhen) ? settings.exitWhen.map((row: unknown) => (isObject(row) ? row : {})) : [];
  const setSettings = (patch: JsonObject) => setMeta({ settings: { ...settings, ...patch } });
  const setExit = (rows: JsonObject[]) => setSettings({ exitWhen: rows });
  const priority = typeof settings.priority === 'number' ? settings.priority : 5;
  const messages = (...path: string[]) => flattenErrors(errorsAt(errors, path));

  return (
    <section className="inspector" aria-label="Journey settings">
      <header className="inspector__head">
        <h2>Journey settings</h2>
        <p className="muted small">Select a step on the canvas to edit it.</p>
      </header>
      <fieldset className="inspector-form" disabled={readOnly}>
        <div className="field">
          <label className="field__label" htmlFor="journey-name">
            Name
          </label>
          <input id="journey-name" className="input" value={meta.name} onChange={(event) => setMeta({ name: event.target.value })} />
          <RowErrors messages={messages('name')} />
        </div>
        <div className="field">
          <label className="field__label" htmlFor="journey-description">
            Description <span className="inspector-optional">(optional)</span>
          </label>
          <textarea
            id="journey-description"
            className="input"
            rows={3}
            value={meta.description ?? ''}
            onChange={(event) => setMeta({ description: event.target.value || undefined })}
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor="journey-lifecycle">
            Lifecycle stage
          </label>
          <select id="journey-lifecycle" className="select" value={meta.lifecycle ?? ''} onChange={(event) => setMeta({ lifecycle: event.target.value || undefined })}>
            <option value="">None</option>
            {lifecycleStages.map((stage) => (
              <option key={stage} value={stage}>
                {stage}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="inspector-group">
          <legend className="field__label">Re-entry</legend>
          {reentryOptions.map((option) => (
            <label key={option.value} className="inspector-radio">
              <input type="radio" name="journey-reentry" value={option.value} checked={reentry === option.value} onChange={() => setSettings({ reentry: option.value })} />
              <span>
                <span className="strong">{option.label}</span>
                <span className="field__hint">{option.description}</span>
              </span>
            </label>
          ))}
          <RowErrors messages={messages('settings', 'reentry')} />
        </fieldset>
        {reentry === 'cooldown' && (
          <fieldset className="inspector-group inspector-group--plain">
            <legend className="field__label">Cool-down</legend>
            <DurationInput label="Cool-down" value={settings.cooldown} onChange={(cooldown) => setSettings({ cooldown })} />
            <RowErrors messages={messages('settings', 'cooldown')} />
          </fieldset>
        )}
        <div className="field">
          <label className="field__label" htmlFor="journey-time-zone">
            Time zone
          </label>
          <TimeZoneSelect
            id="journey-time-zone"
            label="Time zone"
            value={typeof settings.timeZone === 'string' ? settings.timeZone : 'UTC'}
            onChange={(timeZone) => setSettings({ timeZone: timeZone ?? 'UTC' })}
          />
          <span className="field__hint">For waits and dates, when a contact has no timezone trait.</span>
          <RowErrors messages={messages('settings', 'timeZone')} />
        </div>
        <div className="field">
          <label className="field__label" htmlFor="journey-priority">
            Priority
          </label>
          <select id="journey-priority" className="select" value={priority} onChange={(event) => setSettings({ priority: Number(event.target.value) })}>
            {/* A value written by hand outside 1–10 stays shown, beside its error, until it is changed. */}
            {!priorities.some((option) => option === priority) && <option value={priority}>{String(priority)}</option>}
            {priorities.map((option) => (
              <option key={option} value={option}>
                {priorityLabels[option] ?? option}
              </option>
            ))}
          </select>
          <span className="field__hint">When journeys compete for a contact under a frequency cap, the higher priority&rsquo;s message goes first.</span>
          <RowErrors messages={messages('settings', 'priority')} />
        </div>
        <JourneyCaps caps={settings.caps} messages={messages} onChange={(caps) => setSettings({ caps })} />
        <fieldset className="inspector-group">
          <legend className="field__label">Exit when</legend>
          {exitWhen.length === 0 && <p className="muted small">No exit events: contacts leave at the end of the flow.</p>}
          {exitWhen.map((row, index) => {
            const name = `Exit event ${index + 1}`;
            const event = typeof row.event === 'string' ? row.event : '';
            const update = (patch: JsonObject) => setExit(exitWhen.map((current, at) => (at === index ? { ...current, ...patch } : current)));
            return (
              <div key={index} className="inspector-row">
                <div className="inspector-inline">
                  <EventNamePicker label={name} value={event} onChange={(value) => update({ event: value })} />
                  <button type="button" className="button button--small" onClick={() => setExit(exitWhen.filter((_, at) => at !== index))}>
                    Remove {name.toLowerCase()}
                  </button>
                </div>
                <PropertyFilters
                  label="Where"
                  rowLabel={`${name} filter`}
                  value={row.filters}
                  event={event || undefined}
                  errors={errorsAt(errors, ['settings', 'exitWhen', index, 'filters'])}
                  onChange={(filters) => update({ filters })}
                />
                <div className="inspector-inline">
                  <span>Only with the same</span>
                  <PropertyNamePicker
                    label={`${name}: same property as the entry event`}
                    event={entryEvent ?? (event || undefined)}
                    value={typeof row.matchEntryProperty === 'string' ? row.matchEntryProperty : ''}
                    placeholder="property, e.g. cartId"
                    onChange={(value) => update({ matchEntryProperty: value.trim() ? value : undefined })}
                  />
                  <span>as the entry event</span>
                </div>
                <RowErrors messages={['event', 'matchEntryProperty'].flatMap((field) => messages('settings', 'exitWhen', String(index), field))} />
              </div>
            );
          })}
          <div>
            <button type="button" className="button button--small" onClick={() => setExit([...exitWhen, { event: '', filters: [] }])}>
              Add exit event
            </button>
          </div>
        </fieldset>
      </fieldset>
    </section>
  );
}

/**
 * The journey's own frequency caps, per channel: they count only this journey's marketing
 * messages to a contact (the workspace's caps still apply). An uncapped channel is left out.
 */
function JourneyCaps({
  caps,
  messages,
  onChange,
}: {
  caps: unknown;
  messages: (...path: string[]) => string[];
  onChange: (caps: JsonObject | undefined) => void;
}) {
  const current = isObject(caps) ? caps : {};
  const update = (channel: string, cap: JsonObject | undefined) => {
    const { [channel]: _replaced, ...others } = current;
    const next = cap ? { ...others, [channel]: cap } : others;
    onChange(Object.keys(next).length > 0 ? next : undefined);
  };
  // An emptied box leaves the field out, so publish names it ("the cap needs a number of messages").
  const numberOf = (text: string) => (text === '' ? undefined : Number(text));
  return (
    <fieldset className="inspector-group">
      <legend className="field__label">Journey caps</legend>
      <span className="field__hint">At most this many of this journey&rsquo;s marketing messages per contact; the workspace&rsquo;s caps still apply.</span>
      {cappedChannels.map(({ channel, name }) => {
        const cap = isObject(current[channel]) ? current[channel] : undefined;
        const count = typeof cap?.count === 'number' ? cap.count : '';
        const perDays = typeof cap?.perDays === 'number' ? cap.perDays : '';
        return (
          <div key={channel} className="inspector-row">
            <label className="inspector-inline">
              <input type="checkbox" checked={cap !== undefined} onChange={(event) => update(channel, event.target.checked ? { count: 1, perDays: 7 } : undefined)} />
              <span>{name}</span>
            </label>
            {cap && (
              <div className="inspector-inline">
                <input
                  className="input input--number"
                  type="number"
                  min={1}
                  step={1}
                  aria-label={`${name} cap: messages`}
                  value={count}
                  onChange={(event) => update(channel, { ...cap, count: numberOf(event.target.value) })}
                />
                <span>in any</span>
                <input
                  className="input input--number"
                  type="number"
                  min={1}
                  max={365}
                  step={1}
                  aria-label={`${name} cap: days`}
                  value={perDays}
                  onChange={(event) => update(channel, { ...cap, perDays: numberOf(event.target.value) })}
                />
                <span>days</span>
              </div>
            )}
            <RowErrors messages={['count', 'perDays'].flatMap((field) => messages('settings', 'caps', channel, field))} />
          </div>
        );
      })}
    </fieldset>
  );
}
