/**
 * Which stage is working on which article right now, seen by wrapping the local pipeline's
 * handlers (its `wrapHandler` option): a delivery that starts or ends is the real pipeline's
 * own activity, and the page server turns each one into a fresh look at the outputs.
 */
import type { S3Event } from 'aws-lambda';
import { decodeEventKey, figuresKeyFor } from '../lambdas/handlers/s3-keys';
import type { QueueHandler } from './queue';
import type { StageName } from './router';

/** A stage started or finished on an object (an input key for extract, a `figures/…json` key for render). */
export type ActivityListener = (stage: StageName, key: string) => void;

/** The object keys a queue delivery carries (decoded as the handlers decode them). */
export function keysOf(event: Parameters<QueueHandler>[0]): string[] {
  return event.Records.flatMap((message) => {
    try {
      return (JSON.parse(message.body) as S3Event).Records.map((record) => decodeEventKey(record.s3.object.key));
    } catch {
      return [];
    }
  });
}

export class StageActivity {
  /** `<stage> <key>` → deliveries in flight (a redelivery may overlap the first). */
  private readonly running = new Map<string, number>();
  private readonly listeners = new Set<ActivityListener>();

  /** For `startLocalPipeline({ wrapHandler })`. */
  readonly wrap = (stage: StageName, handler: QueueHandler): QueueHandler => async (event) => {
    const keys = keysOf(event);
    this.change(stage, keys, +1);
    try {
      return await handler(event);
    } finally {
      this.change(stage, keys, -1);
    }
  };

  /** The stage running on this input key, if any (the event stage works on events, not on one upload). */
  readonly of = (inputKey: string): 'extract' | 'render' | null => {
    if (this.running.has(`extract ${inputKey}`)) return 'extract';
    return this.running.has(`render ${figuresKeyFor(inputKey)}`) ? 'render' : null;
  };

  onChange(listener: ActivityListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private change(stage: StageName, keys: readonly string[], by: number): void {
    for (const key of keys) {
      const id = `${stage} ${key}`;
      const count = (this.running.get(id) ?? 0) + by;
      if (count > 0) this.running.set(id, count);
      else this.running.delete(id);
      for (const listener of this.listeners) listener(stage, key);
    }
  }
}
