import { journeyGraphSchema, validateJourney } from '@tend/journey/editor';
import { describe, expect, it } from 'vitest';
import { freeJourneyId, rfmSegment, rfmSegmentId, segmentJourneyGraph } from './segment-journey';

describe('the segment of an RFM group', () => {
  it('has an id journeys can name, and a definition of that one group', () => {
    expect(rfmSegmentId('Champions')).toBe('rfm-champions');
    expect(rfmSegmentId("Can't lose them")).toBe('rfm-can-t-lose-them');
    expect(rfmSegment('At risk')).toMatchObject({ id: 'rfm-at-risk', name: 'RFM: At risk', definition: { kind: 'rfm', groups: ['At risk'] } });
  });
});

describe('freeJourneyId', () => {
  it('takes the base, else the first free numbered one', () => {
    expect(freeJourneyId('rfm-lost', new Set())).toBe('rfm-lost');
    expect(freeJourneyId('rfm-lost', new Set(['rfm-lost', 'rfm-lost-2']))).toBe('rfm-lost-3');
  });
});

describe('segmentJourneyGraph', () => {
  it('is a valid draft entering on the segment', () => {
    const graph = segmentJourneyGraph('rfm-lost', 'Journey for RFM: Lost', 'rfm-lost');
    expect(journeyGraphSchema.safeParse(graph).success).toBe(true);
    expect(graph.nodes[0]).toMatchObject({ type: 'trigger.segment', data: { segment: 'rfm-lost' } });
    const result = validateJourney(graph);
    expect(result.problems).toEqual([]);
  });
});
