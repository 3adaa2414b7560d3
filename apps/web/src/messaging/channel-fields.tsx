import { Field } from '../ui/field';
import { problemAt, type ApiProblems } from './api-problems';
import { channelNames, type Channel } from './messaging-types';
import { capSentence, type ChannelDraft } from './policy-draft';

/** What "require opt-in" means on each channel: opt-out is the default, and why one would change it. */
const optInMeaning: Record<Channel, string> = {
  email:
    'Off (the default): marketing email goes to everyone who has not unsubscribed. On: only to contacts recorded as subscribed (the console, the API, an import).',
  sms: 'Off (the default): texts go to everyone who has not replied STOP or unsubscribed. Turn it on where the law asks for prior consent to marketing texts (the US TCPA, for one): only contacts recorded as subscribed (the console, the API, an import, a START reply) are texted.',
  push: "Off (the default): every browser that allowed notifications gets marketing pushes until the contact unsubscribes. On: only contacts recorded as subscribed.",
};

/** One channel's frequency cap and opt-in rule. */
export function ChannelFields({
  channel,
  draft,
  problems,
  disabled,
  onChange,
}: {
  channel: Channel;
  draft: ChannelDraft;
  problems: ApiProblems;
  disabled: boolean;
  onChange: (change: Partial<ChannelDraft>) => void;
}) {
  const name = channelNames[channel];
  const countProblem = problemAt(problems, `${channel}.cap.count`, `${channel}.cap`);
  const daysProblem = problemAt(problems, `${channel}.cap.perDays`);
  const optInProblem = problemAt(problems, `${channel}.requireOptIn`);
  return (
    <fieldset className="channel-policy" disabled={disabled}>
      <legend>{name}</legend>
      <label className="checkbox-line">
        <input type="checkbox" checked={draft.capOn} onChange={(event) => onChange({ capOn: event.target.checked })} />
        Frequency cap
      </label>
      {draft.capOn && (
        <div className="channel-policy__cap">
          <Field label="Messages" hint={countProblem}>
            {(control) => (
              <input
                {...control}
                className="input input--number"
                type="number"
                inputMode="numeric"
                step={1}
                value={draft.count}
                aria-invalid={countProblem ? true : undefined}
                onChange={(event) => onChange({ count: event.target.value })}
              />
            )}
          </Field>
          <Field label="In any (days)" hint={daysProblem}>
            {(control) => (
              <input
                {...control}
                className="input input--number"
                type="number"
                inputMode="numeric"
                step={1}
                value={draft.perDays}
                aria-invalid={daysProblem ? true : undefined}
                onChange={(event) => onChange({ perDays: event.target.value })}
              />
            )}
          </Field>
        </div>
      )}
      <p className="muted small">{capSentence(channel, draft)}</p>
      <label className="checkbox-line">
        <input type="checkbox" checked={draft.requireOptIn} aria-invalid={optInProblem ? true : undefined} onChange={(event) => onChange({ requireOptIn: event.target.checked })} />
        Require opt-in
      </label>
      {optInProblem && <p className="error-text">{optInProblem}</p>}
      <p className="muted small">{optInMeaning[channel]}</p>
    </fieldset>
  );
}
