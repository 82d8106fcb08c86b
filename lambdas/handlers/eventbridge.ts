/** The Lambda side's event publisher: one PutEvents entry per event, on the stack's bus. */
import { PutEventsCommand, type EventBridgeClient } from '@aws-sdk/client-eventbridge';
import type { EventPublisher } from './events';

/** Publishes to an EventBridge bus; a rejected entry is an error (PutEvents answers 200 with FailedEntryCount). */
export function eventBridgePublisher(client: EventBridgeClient, eventBusName: string): EventPublisher {
  return {
    async publish(event) {
      const answer = await client.send(new PutEventsCommand({
        Entries: [{ EventBusName: eventBusName, Source: event.source, DetailType: event.detailType, Time: new Date(event.time), Detail: JSON.stringify(event.detail) }],
      }));
      if (answer.FailedEntryCount) {
        const [entry] = answer.Entries ?? [];
        throw new Error(`EventBridge refused the event: ${entry?.ErrorCode ?? 'unknown'} ${entry?.ErrorMessage ?? ''}`.trim());
      }
    },
  };
}
