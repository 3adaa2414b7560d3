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
          <WholeNumberField label="Messages" value={draft.count} problem={countProblem} onChange={(count) => onChange({ count })} />
          <WholeNumberField label="In any (days)" value={draft.perDays} problem={daysProblem} onChange={(perDays) => onChange({ perDays })} />
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

/** A cap's whole-number input, kept as typed (the draft is text until saved), its problem shown below it. */
function WholeNumberField({ label, value, problem, onChange }: { label: string; value: string; problem: string | undefined; onChange: (value: string) => void }) {
  return (
    <Field label={label} hint={problem}>
      {(control) => (
        <input
          {...control}
          className="input input--number"
          type="number"
          inputMode="numeric"
          step={1}
          value={value}
          aria-invalid={problem ? true : undefined}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </Field>
  );
}
