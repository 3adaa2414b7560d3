import { useEditor } from '../../store/editor-store';
import type { JsonObject } from '../inspector-types';

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** The email steps of this journey, by id: engagement reads opens and clicks of what one sent. */
export function EngagementFields({ name, condition, set, disabled }: { name: string; condition: JsonObject; set: (patch: JsonObject) => void; disabled?: boolean }) {
  const emailSteps = useEditor((state) => state.nodes).filter((node) => node.type === 'send-email');
  const nodeId = text(condition.nodeId);
  return (
    <div className="inspector-inline">
      <select className="select" aria-label={`${name} action`} value={condition.action === 'clicked' ? 'clicked' : 'opened'} disabled={disabled} onChange={(event) => set({ action: event.target.value })}>
        <option value="opened">opened</option>
        <option value="clicked">clicked</option>
      </select>
      <select className="select" aria-label={`${name} email step`} value={nodeId} disabled={disabled} onChange={(event) => set({ nodeId: event.target.value })}>
        <option value="">Choose the email step</option>
        {nodeId && !emailSteps.some((node) => node.id === nodeId) && <option value={nodeId}>{nodeId} (not in this journey)</option>}
        {emailSteps.map((node) => (
          <option key={node.id} value={node.id}>
            {typeof node.data.subject === 'string' && node.data.subject ? `${node.data.subject} (${node.id})` : node.id}
          </option>
        ))}
      </select>
    </div>
  );
}
