import { StreamNotFoundError, type EventStore } from '@integrity-desk/eventstore';
import { statisticsPublishedSchema, statisticsStream, type StatisticsPublished } from './events.ts';

type Snapshot = StatisticsPublished['data'];

/** The snapshot published last, or undefined before the first. */
export async function latestSnapshot(store: EventStore): Promise<Snapshot | undefined> {
  try {
    const [last] = await store.readStream(statisticsStream, {
      direction: 'backwards',
      maxCount: 1,
    });
    return last && statisticsPublishedSchema.parse({ type: last.type, data: last.data }).data;
  } catch (error) {
    if (error instanceof StreamNotFoundError) return undefined;
    throw error;
  }
}
