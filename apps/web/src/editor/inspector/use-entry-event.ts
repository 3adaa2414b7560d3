import { useEditor } from '../store/editor-store';

/** The event that makes contacts enter (an "Event happened" trigger's), for {{ event.* }} and "same property". */
export function useEntryEvent(): string | undefined {
  return useEditor((state) => {
    for (const node of state.nodes) {
      if (node.type === 'trigger.event' && typeof node.data.event === 'string' && node.data.event.trim()) return node.data.event.trim();
    }
    return undefined;
  });
}
