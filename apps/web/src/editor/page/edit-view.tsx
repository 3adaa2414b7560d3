import { useRef } from 'react';
import { JourneyCanvas } from '../canvas/journey-canvas';
import { Inspector } from '../inspector/inspector';
import { JourneySettingsForm } from '../inspector/journey-settings-form';
import { Palette } from '../palette/palette';
import { ProblemsPanel } from '../problems/problems-panel';
import { useEditor, useSelectedNode } from '../store/editor-store';

/** Palette | canvas with problems under it | the selected step's inspector, or the journey's settings. */
export function EditView() {
  const selected = useSelectedNode();
  const readOnly = useEditor((state) => state.readOnly);
  const side = useRef<HTMLElement>(null);
  // Enter on a step: its inspector opens, and focus goes to its first field.
  const focusInspector = () =>
    requestAnimationFrame(() => {
      const panel = side.current;
      const field = panel?.querySelector<HTMLElement>('input:not([type=hidden]), select, textarea, [contenteditable=true], button');
      (field ?? panel)?.focus();
    });

  return (
    <div className={`editor-edit${readOnly ? ' editor-edit--read-only' : ''}`}>
      {!readOnly && <Palette />}
      <div className="editor-edit__main">
        <JourneyCanvas onNodeActivate={focusInspector} />
        <ProblemsPanel />
      </div>
      <aside ref={side} className="editor-side" tabIndex={-1} aria-label={selected ? 'Step settings' : 'Journey settings'}>
        {selected ? <Inspector /> : <JourneySettingsForm />}
      </aside>
    </div>
  );
}
