import { describe, expect, test } from 'vitest';
import { describeRun } from './run-position';

const time = (iso: string) => `<${iso}>`;
const position = {
  version: 1,
  nodeId: 'two-days',
  status: 'waiting' as const,
  waitingFor: 'time',
  waitingUntil: '2026-11-25T09:00:00.000Z',
  converted: false,
};

describe('describeRun', () => {
  test('says where a waiting contact is and until when', () => {
    expect(describeRun({ status: 'active', position }, time)).toBe('Waiting at two-days until <2026-11-25T09:00:00.000Z>');
  });

  test('names the event a contact waits for', () => {
    const waiting = { ...position, nodeId: 'wait-for-order', waitingFor: 'Order Completed' };
    expect(describeRun({ status: 'active', position: waiting }, time)).toBe(
      'Waiting at wait-for-order for Order Completed until <2026-11-25T09:00:00.000Z>',
    );
  });

  test('tells the goal window after the last step from a wait at a node', () => {
    const held = { ...position, nodeId: null, waitingFor: 'goal' };
    expect(describeRun({ status: 'active', position: held }, time)).toBe(
      'Done with the steps; counted toward the goal until <2026-11-25T09:00:00.000Z>',
    );
  });

  test('tells a scheduled entry from a wait', () => {
    const scheduled = { ...position, nodeId: null };
    expect(describeRun({ status: 'active', position: scheduled }, time)).toBe('Enters at <2026-11-25T09:00:00.000Z>');
  });

  test('marks a converted contact', () => {
    const converted = { ...position, status: 'running' as const, nodeId: 'thank-you', converted: true };
    expect(describeRun({ status: 'active', position: converted }, time)).toBe('At thank-you (converted)');
  });

  test('says a paused journey holds the contact', () => {
    const paused = { ...position, status: 'paused' as const, waitingFor: null, waitingUntil: null };
    expect(describeRun({ status: 'active', position: paused }, time)).toBe('Paused at two-days: the journey is paused');
  });

  test('says how a run ended', () => {
    expect(describeRun({ status: 'completed', position: null }, time)).toBe('Completed');
    expect(describeRun({ status: 'exited', position: null }, time)).toBe('Left early: an exit event happened');
    expect(describeRun({ status: 'stopped', position: null }, time)).toBe('Stopped: the journey was archived');
  });

  test('admits when the position could not be read', () => {
    expect(describeRun({ status: 'active', position: null }, time)).toBe('In the journey (its position could not be read just now)');
  });
});
