// The editor figures' baseline: an empty React Flow canvas with the same library, bundler and
// browser, and one button whose click adds a node (the "edit to result" baseline).
import '@xyflow/react/dist/style.css';
import { ReactFlow, ReactFlowProvider, type Node } from '@xyflow/react';
import { useState } from 'react';
import { createRoot } from 'react-dom/client';

function EmptyFlow() {
  const [nodes, setNodes] = useState<Node[]>([]);
  const add = () => setNodes((current) => [...current, { id: `n${current.length}`, position: { x: 0, y: current.length * 100 }, data: { label: `Node ${current.length}` } }]);
  return (
    <div style={{ height: '100%' }}>
      <button type="button" onClick={add} style={{ position: 'absolute', zIndex: 10 }}>
        Add a node
      </button>
      <ReactFlow nodes={nodes} edges={[]} fitView />
    </div>
  );
}

createRoot(document.getElementById('root')!).render(
  <ReactFlowProvider>
    <EmptyFlow />
  </ReactFlowProvider>,
);
