/** `@aws-sdk/client-eventbridge` for the cold handler bundles: the real client, answered locally. */
import { EventBridgeClient as SdkEventBridgeClient, type EventBridgeClientConfig } from '@aws-sdk/client-eventbridge';
import { localHandler } from './local-aws';

export * from '@aws-sdk/client-eventbridge';

export class EventBridgeClient extends SdkEventBridgeClient {
  constructor(config: EventBridgeClientConfig = {}) {
    super({ ...config, requestHandler: localHandler() as unknown as EventBridgeClientConfig['requestHandler'] });
  }
}
