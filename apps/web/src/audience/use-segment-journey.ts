import { useMutation, useQueryClient } from '@tanstack/react-query';
import { navigate } from '../routing/use-route';
import { trpc, trpcClient } from '../trpc';
import { freeJourneyId, segmentJourneyGraph } from './segment-journey';

interface NewSegment {
  id: string;
  name: string;
  description: string;
  definition: unknown;
}

/**
 * Creates a journey draft triggered by entering a segment and opens it in the editor. With
 * `createIfMissing`, the segment is made first when the workspace does not have it yet (an RFM
 * group's segment is made on its first journey).
 */
export function useStartSegmentJourney() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ segmentId, journeyName, createIfMissing }: { segmentId: string; journeyName: string; createIfMissing?: NewSegment }) => {
      if (createIfMissing) {
        const segments = await trpcClient.segments.list.query();
        if (!segments.some((segment) => segment.id === segmentId)) await trpcClient.segments.create.mutate(createIfMissing);
      }
      const journeys = await trpcClient.journeys.list.query();
      const id = freeJourneyId(segmentId, new Set(journeys.map((journey) => journey.id)));
      return trpcClient.journeys.create.mutate({ id, name: journeyName, graph: segmentJourneyGraph(id, journeyName, segmentId) });
    },
    onSuccess: async (created) => {
      navigate({ page: 'journey', id: created.id });
      await Promise.all([queryClient.invalidateQueries({ queryKey: trpc.journeys.pathKey() }), queryClient.invalidateQueries({ queryKey: trpc.segments.pathKey() })]);
    },
  });
}
