import type { ArrayFieldItemTemplateProps, ArrayFieldTemplateProps, FieldTemplateProps, ObjectFieldTemplateProps } from '@rjsf/utils';
import { capitalise } from './labels';

/** rjsf's templates in the console's own classes (styles.css's .field, .button), with clear button names. */

export function FieldTemplate(props: FieldTemplateProps) {
  const { id, label, required, displayLabel, hidden, children, rawErrors, rawDescription, classNames } = props;
  if (hidden) return <div hidden>{children}</div>;
  return (
    <div className={`field inspector-field ${classNames ?? ''}`}>
      {displayLabel && label && (
        <label className="field__label" htmlFor={id}>
          {label}
          {!required && <span className="inspector-optional"> (optional)</span>}
        </label>
      )}
      {children}
      {displayLabel && rawDescription && <span className="field__hint">{rawDescription}</span>}
      {rawErrors && rawErrors.length > 0 && (
        <ul className="inspector-errors" id={`${id}-errors`}>
          {rawErrors.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The root is a plain column; a nested object is a titled group. */
export function ObjectFieldTemplate(props: ObjectFieldTemplateProps) {
  const path = props.fieldPathId.path;
  const content = props.properties.filter((property) => !property.hidden).map((property) => property.content);
  const hiddenContent = props.properties.filter((property) => property.hidden).map((property) => property.content);
  const inList = typeof path[path.length - 1] === 'number';
  if (path.length === 0 || inList) {
    return (
      <div className="inspector-object">
        {content}
        {hiddenContent}
      </div>
    );
  }
  return (
    <fieldset className="inspector-group">
      <legend className="field__label">{props.title}</legend>
      {content}
      {hiddenContent}
    </fieldset>
  );
}

function nounOf(uiSchema: unknown): string {
  const options = (uiSchema as { 'ui:options'?: { itemNoun?: unknown } } | undefined)?.['ui:options'];
  return typeof options?.itemNoun === 'string' ? options.itemNoun : 'item';
}

export function ArrayFieldTemplate(props: ArrayFieldTemplateProps) {
  const noun = nounOf(props.uiSchema);
  const locked = props.disabled || props.readonly;
  return (
    <fieldset className="inspector-group">
      <legend className="field__label">{props.title}</legend>
      {props.items}
      {props.canAdd && (
        <div>
          <button type="button" className="button button--small" disabled={locked} onClick={props.onAddClick}>
            Add {noun}
          </button>
        </div>
      )}
    </fieldset>
  );
}

/** One list item with Move up / Move down / Remove, each naming the item ("Remove case 2"). */
export function ArrayFieldItemTemplate(props: ArrayFieldItemTemplateProps) {
  const { buttonsProps, index, children } = props;
  const noun = nounOf(props.parentUiSchema);
  const name = `${noun} ${index + 1}`;
  const locked = props.disabled || props.readonly;
  const isObjectItem = props.schema.type === 'object';
  return (
    <div className={`inspector-item${isObjectItem ? ' inspector-item--object' : ''}`}>
      {isObjectItem && <div className="inspector-item__title">{capitalise(name)}</div>}
      <div className="inspector-item__body">{children}</div>
      {props.hasToolbar && (
        <div className="inspector-item__buttons">
          {buttonsProps.hasMoveUp && (
            <button type="button" className="button button--small" aria-label={`Move ${name} up`} title="Move up" disabled={locked} onClick={buttonsProps.onMoveUpItem}>
              ↑
            </button>
          )}
          {buttonsProps.hasMoveDown && (
            <button type="button" className="button button--small" aria-label={`Move ${name} down`} title="Move down" disabled={locked} onClick={buttonsProps.onMoveDownItem}>
              ↓
            </button>
          )}
          {buttonsProps.hasRemove && (
            <button type="button" className="button button--small button--danger-outline" disabled={locked} onClick={buttonsProps.onRemoveItem}>
              Remove {name}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
