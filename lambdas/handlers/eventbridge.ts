/** The Lambda side's event publisher: one PutEvents entry per event, on the stack's bus. */
import type { EventBridgeEvents } from '../aws/eventbridge';
import type { EventPublisher } from './events';

/** Publishes to an EventBridge bus; a rejected entry is an error (PutEvents answers 200 with FailedEntryCount). */
export function eventBridgePublisher(client: EventBridgeEvents, eventBusName: string): EventPublisher {
  return {
    async publish(event, signal) {
      const answer = await client.putEvents([
        { EventBusName: eventBusName, Source: event.source, DetailType: event.detailType, Time: new Date(event.time), Detail: JSON.stringify(event.detail) },
      ], signal);
      if (answer.FailedEntryCount) {
        const [entry] = answer.Entries ?? [];
        throw new Error(`EventBridge refused the event: ${entry?.ErrorCode ?? 'unknown'} ${entry?.ErrorMessage ?? ''}`.trim());
      }
    },
  };
}
