import { createContext, useContext } from 'react';
import type { InsertAt } from '../store/editor-types';

/**
 * What node cards and edges can ask of the canvas around them: open the node picker at a
 * "+" button, or the keyboard "Connect output…" menu. Kept out of node data (config only).
 */
export interface CanvasUi {
  openPicker(at: InsertAt, anchor: HTMLElement): void;
  openConnect(nodeId: string, anchor: HTMLElement): void;
}

const noUi: CanvasUi = { openPicker: () => undefined, openConnect: () => undefined };

export const CanvasUiContext = createContext<CanvasUi>(noUi);

export function useCanvasUi(): CanvasUi {
  return useContext(CanvasUiContext);
}
