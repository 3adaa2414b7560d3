import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { EventNamePicker, PropertyNamePicker } from '../../editor/inspector/inputs/pickers';
import { readableMessage } from '../../session/api-errors';
import { roleHint } from '../../session/roles';
import { useSession } from '../../session/session-context';
import { trpc } from '../../trpc';
import { Field } from '../../ui/field';
import type { RfmSettings } from '../audience-types';

/** How RFM is computed: the window, the purchase event and its money property. */
export function RfmSettingsForm({ settings }: { settings: RfmSettings }) {
  const { workspace } = useSession();
  const queryClient = useQueryClient();
  const [windowDays, setWindowDays] = useState(String(settings.windowDays));
  const [event, setEvent] = useState(settings.event);
  const [moneyProperty, setMoneyProperty] = useState(settings.moneyProperty);
  const save = useMutation(trpc.rfm.saveSettings.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.rfm.summary.queryKey() }) }));
  const why = roleHint(workspace.role, 'marketer');
  const changed = windowDays !== String(settings.windowDays) || event !== settings.event || moneyProperty !== settings.moneyProperty;

  return (
    <form
      className="form panel rfm-settings"
      aria-label="RFM settings"
      onSubmit={(submit) => {
        submit.preventDefault();
        save.mutate({ windowDays: Number(windowDays), event: event.trim(), moneyProperty: moneyProperty.trim() });
      }}
    >
      <h2>Settings</h2>
      <Field label="Window (days)" hint="Only purchases in this many days before the computation count.">
        {(control) => <input {...control} className="input input--number" type="number" min={1} max={3650} step={1} value={windowDays} disabled={why !== null} onChange={(change) => setWindowDays(change.target.value)} />}
      </Field>
      <Field label="Purchase event">
        {(control) => <EventNamePicker id={control.id} label="Purchase event" value={event} disabled={why !== null} onChange={setEvent} />}
      </Field>
      <Field label="Money property" hint="The event's property that holds what the purchase was worth.">
        {(control) => <PropertyNamePicker id={control.id} label="Money property" event={event} value={moneyProperty} disabled={why !== null} onChange={setMoneyProperty} />}
      </Field>
      {why && <p className="muted small">{why}</p>}
      {save.error && (
        <p className="error-text" role="alert">
          Not saved: {readableMessage(save.error)}
        </p>
      )}
      {save.isSuccess && !changed && (
        <p className="ok-text" role="status">
          Saved. They apply from the next computation: recompute now, or wait for the hourly one.
        </p>
      )}
      <div>
        <button type="submit" className="button" disabled={why !== null || !changed || save.isPending}>
          {save.isPending ? 'Saving…' : 'Save settings'}
        </button>
      </div>
    </form>
  );
}
