import type { Choice } from './inputs/choice-select';

/** A subscription topic as the picker reads it (policy.topics's rows). */
export interface TopicEntry {
  id: string;
  name: string;
}

/**
 * The choices of a message step's topic: none (consent for the channel's marketing as a whole),
 * then the workspace's topics by name. A value that is no topic (a typo in a file, a removed
 * topic) stays shown, so the step's problem reads against what is selected. Until the topics
 * are read (`undefined`), the value is shown as it is: it cannot yet be called wrong.
 */
export function topicOptions(topics: readonly TopicEntry[] | undefined, current: string): Choice[] {
  const options: Choice[] = [{ value: '', label: 'None: all marketing on this channel', disabled: false }];
  for (const topic of topics ?? []) options.push({ value: topic.id, label: `${topic.name} (${topic.id})`, disabled: false });
  if (current && !options.some((option) => option.value === current)) {
    options.push(topics ? { value: current, label: `${current} (no such topic)`, disabled: true } : { value: current, label: current, disabled: false });
  }
  return options;
}
