import { useEventNames, useEventProperties, useTraitNames } from '../inspector-api';
import { NamePicker } from './name-picker';

type PickerProps = Omit<Parameters<typeof NamePicker>[0], 'options'>;

/** Event names this workspace received, most frequent first. */
export function EventNamePicker(props: PickerProps) {
  const names = useEventNames();
  return <NamePicker placeholder="e.g. Order Completed" {...props} options={names.map((event) => ({ name: event.name, hint: `${event.count} received` }))} />;
}

/** Property keys seen on recent `event` events, with an example value each. */
export function PropertyNamePicker({ event, ...props }: PickerProps & { event: string | undefined }) {
  const properties = useEventProperties(event);
  return <NamePicker placeholder="e.g. total" {...props} options={properties.map((property) => ({ name: property.name, hint: property.example }))} />;
}

/** Trait keys of the workspace's contacts. */
export function TraitNamePicker(props: PickerProps) {
  const traits = useTraitNames();
  return <NamePicker placeholder="e.g. plan" {...props} options={traits.map((trait) => ({ name: trait.name, hint: trait.example }))} />;
}
