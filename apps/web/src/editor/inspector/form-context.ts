/** What the inspector hands every rjsf field and widget (rjsf's formContext). */
export interface InspectorFormContext {
  /** The node's own event (trigger, wait-for-event, goal): its properties are suggested in filters. */
  event: string | undefined;
  /** The journey's entry event: "same property as the entry event", {{ event.* }} completion. */
  entryEvent: string | undefined;
  /** The library template a send-email step sends: its own subject and body then override it. */
  template?: string | undefined;
}

export function formContextOf(value: unknown): InspectorFormContext {
  const context = (value ?? {}) as Partial<InspectorFormContext>;
  return { event: context.event, entryEvent: context.entryEvent, template: context.template };
}
