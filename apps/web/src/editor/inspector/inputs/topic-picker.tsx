import { hrefFor } from '../../../routing/route';
import { useTopics } from '../inspector-api';
import { topicOptions } from '../topic-options';
import { ChoiceSelect } from './choice-select';

/**
 * A message step's subscription topic, chosen from the workspace's topics: a typed one could
 * miss by a letter ("offres") and reach contacts who left "offers".
 */
export function TopicPicker({ id, value, disabled, invalid, onChange }: { id: string; value: string; disabled: boolean; invalid: boolean; onChange: (value: string) => void }) {
  const topics = useTopics();
  const options = topicOptions(topics.data, value);
  const none = topics.data?.length === 0;
  return (
    <div className="topic-picker">
      <ChoiceSelect id={id} value={value} choices={options} disabled={disabled} invalid={invalid} onChange={onChange} />
      {topics.isPending && <span className="field__hint">Loading the topics…</span>}
      {none && (
        <span className="field__hint">
          No topics yet: <a href={hrefFor({ page: 'messaging' })}>add them under Messaging</a> to let contacts leave one kind of marketing and keep the rest.
        </span>
      )}
    </div>
  );
}
