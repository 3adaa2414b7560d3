import { TimeZoneSelect } from '../editor/inspector/inputs/time-zone-select';
import { Field } from '../ui/field';
import { problemAt, type ApiProblems } from './api-problems';
import { channelNames, channels, type Channel } from './messaging-types';
import { quietHoursSentence, type PolicyDraft } from './policy-draft';

/** Hours of the contact's night when marketing on some channels waits, in their own time zone. */
export function QuietHoursFields({
  draft,
  problems,
  disabled,
  onChange,
}: {
  draft: PolicyDraft;
  problems: ApiProblems;
  disabled: boolean;
  onChange: (change: Partial<PolicyDraft>) => void;
}) {
  const startProblem = problemAt(problems, 'quietHours.start');
  const endProblem = problemAt(problems, 'quietHours.end', 'quietHours');
  const channelsProblem = problemAt(problems, 'quietHours.channels');
  const zoneProblem = problemAt(problems, 'quietHours.defaultTimeZone');
  const toggle = (channel: Channel, on: boolean) =>
    onChange({ quietChannels: on ? [...draft.quietChannels, channel] : draft.quietChannels.filter((name) => name !== channel) });

  return (
    <section className="panel section" aria-labelledby="quiet-hours-title">
      <h2 id="quiet-hours-title">Quiet hours</h2>
      <fieldset className="quiet-hours" disabled={disabled}>
        <legend className="visually-hidden">Quiet hours</legend>
        <label className="checkbox-line">
          <input type="checkbox" checked={draft.quietOn} onChange={(event) => onChange({ quietOn: event.target.checked })} />
          Hold marketing during quiet hours
        </label>
        {draft.quietOn && (
          <div className="quiet-hours__fields">
            <Field label="From" hint={startProblem}>
              {(control) => (
                <input {...control} className="input" type="time" required value={draft.quietStart} aria-invalid={startProblem ? true : undefined} onChange={(event) => onChange({ quietStart: event.target.value })} />
              )}
            </Field>
            <Field label="Until" hint={endProblem}>
              {(control) => (
                <input {...control} className="input" type="time" required value={draft.quietEnd} aria-invalid={endProblem ? true : undefined} onChange={(event) => onChange({ quietEnd: event.target.value })} />
              )}
            </Field>
            <fieldset className="quiet-hours__channels" aria-invalid={channelsProblem ? true : undefined}>
              <legend className="field__label">Channels</legend>
              {channels.map((channel) => (
                <label key={channel} className="checkbox-line">
                  <input type="checkbox" checked={draft.quietChannels.includes(channel)} onChange={(event) => toggle(channel, event.target.checked)} />
                  {channelNames[channel]}
                </label>
              ))}
              {channelsProblem && <span className="error-text">{channelsProblem}</span>}
            </fieldset>
            <Field label="Default time zone" hint={zoneProblem ?? "For contacts whose timezone trait is missing or unknown."}>
              {(control) => <TimeZoneSelect id={control.id} label="Default time zone" value={draft.defaultTimeZone} onChange={(zone) => onChange({ defaultTimeZone: zone ?? 'UTC' })} />}
            </Field>
          </div>
        )}
        <p className="muted">{quietHoursSentence(draft)}</p>
        {draft.quietOn && (
          <p className="muted small">
            A held message is deferred to the end of the quiet hours (or skipped where its send step says so), and the contact page says so.
            Email is often left out: it waits in the inbox anyway.
          </p>
        )}
      </fieldset>
    </section>
  );
}
