import { hrefFor } from '../../../routing/route';
import { useEmailTemplates } from '../inspector-api';
import { templateOptions } from '../template-options';
import { ChoiceSelect } from './choice-select';

/**
 * A send-email step's library template: live templates to choose, unpublished ones shown
 * disabled ("publish it first"), and a link to open the one chosen (in a new tab, so the
 * journey stays open).
 */
export function EmailTemplatePicker({ id, value, disabled, invalid, onChange }: { id: string; value: string; disabled: boolean; invalid: boolean; onChange: (value: string) => void }) {
  const library = useEmailTemplates();
  const options = templateOptions(library.data ?? [], value);
  const none = library.data !== undefined && options.length === 1;
  return (
    <div className="email-template-picker">
      <div className="inspector-inline">
        <ChoiceSelect id={id} value={value} choices={options} disabled={disabled} invalid={invalid} onChange={onChange} />
        {value && (
          <a href={hrefFor({ page: 'template', id: value })} target="_blank" rel="noopener">
            Open template
          </a>
        )}
      </div>
      {library.isPending && <span className="field__hint">Loading the library…</span>}
      {none && (
        <span className="field__hint">
          No email templates yet: <a href={hrefFor({ page: 'templates' })}>create them under Templates</a>, or write the email below.
        </span>
      )}
    </div>
  );
}
