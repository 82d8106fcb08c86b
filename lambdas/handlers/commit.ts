/**
 * Storing a stage's outcome so that each version of an input has exactly one visible result:
 *
 * 1. observe the outputs (HEAD the product, the error record and what later stages made);
 * 2. check the input still has the ETag that was processed — else a newer version exists, its
 *    own notification will bring it, and nothing is written;
 * 3. write the outcome only if its key is still as observed (`If-Match` its ETag, or
 *    `If-None-Match: *`), so a write delayed past a newer version's write fails instead of
 *    overwriting it; on a conflict, start again from 1;
 * 4. check the input again: if it changed while writing, take the write back (the newer
 *    version's outcome may have gone to the other key, where step 3 cannot see it);
 * 5. remove what the outcome makes stale — a briefing beside a new error record, an error
 *    record beside a new briefing — each only if it is still the object observed in step 1.
 *
 * An object observed in step 1 predates the check in step 2, so it was never a newer version's
 * output; a newer version's object written after step 1 has another ETag, and the conditional
 * delete leaves it alone. Outputs record the key of their source, so the outputs of another
 * input sharing a name (`a.html`, `a.txt` → `figures/a.json`) are never removed as stale.
 */
import type { ObjectStore } from '../aws/object-store';
import { BriefingError } from '../core/errors';
import { deleteObjectIf, encodeMetadata, headObject, type ObjectHead, recordsSource, SOURCE_KEY, writeObject } from './s3-io';

/** The keys a stage writes for one input. */
export interface StageOutputs {
  /** Where the stage's product goes (`figures/….json`, `briefings/….pdf`). */
  readonly product: string;
  /** Where its error record goes (`errors/<input key>.json`). */
  readonly error: string;
  /** What later stages make from the product: stale once this input ends in an error record. */
  readonly downstream: readonly string[];
}

export interface Stored {
  readonly body: Uint8Array | string;
  readonly contentType: string;
  readonly metadata?: Readonly<Record<string, string>>;
}

export type Outcome = { readonly kind: 'product' | 'error'; readonly stored: Stored };

export interface Source {
  readonly bucket: string;
  readonly key: string;
  readonly etag: string;
  /**
   * What an output must record besides the source's ETag to count as this version's (the
   * template's name and hash): written on every output, compared like the ETag.
   */
  readonly fingerprint?: Readonly<Record<string, string>>;
}

/** True when `head` is the outcome of exactly this source version (and fingerprint). */
const madeFrom = (head: ObjectHead | undefined, source: Source): boolean => recordsSource(head, source.key, source.etag, source.fingerprint);

export interface CommitContext {
  readonly s3: ObjectStore;
  readonly outputBucket: string;
  readonly signal: AbortSignal;
}

/** `written`: stored now; `present`: another delivery stored it already; `superseded`: the input changed. */
export type CommitResult = 'written' | 'present' | 'superseded';

/** Tries of steps 1–3 before a run of write conflicts is given up on (the message is retried). */
const MAX_CONFLICTS = 5;

/** An output made from this input (or one that names no source, written before keys were recorded). */
const ownedBy = (head: ObjectHead, key: string): boolean => {
  const owner = head.metadata[SOURCE_KEY];
  return owner === undefined || owner === encodeMetadata(key);
};

type Observed = Readonly<Record<string, ObjectHead | undefined>>;

async function observe(ctx: CommitContext, keys: readonly string[]): Promise<Observed> {
  const heads = await Promise.all(keys.map((key) => headObject(ctx.s3, ctx.outputBucket, key, ctx.signal)));
  return Object.fromEntries(keys.map((key, i) => [key, heads[i]]));
}

const inputIsCurrent = async (ctx: CommitContext, source: Source): Promise<boolean> =>
  (await headObject(ctx.s3, source.bucket, source.key, ctx.signal))?.etag === source.etag;

/** Which outcome of this input's version is already stored, if any. */
export async function storedOutcome(ctx: CommitContext, outputs: StageOutputs, source: Source): Promise<Outcome['kind'] | null> {
  const seen = await observe(ctx, [outputs.product, outputs.error]);
  if (madeFrom(seen[outputs.product], source)) return 'product';
  return madeFrom(seen[outputs.error], source) ? 'error' : null;
}

/**
 * Steps 1, 2 and 5 for an outcome another delivery stored: a delivery that crashed between its
 * write and its clean-up leaves the stale outputs to the next delivery of the same version.
 */
export async function tidyUp(ctx: CommitContext, outputs: StageOutputs, source: Source, kind: Outcome['kind']): Promise<void> {
  const seen = await observe(ctx, [outputs.product, outputs.error, ...outputs.downstream]);
  if (await inputIsCurrent(ctx, source)) await removeStale(ctx, outputs, source, kind, seen);
}

export async function commitOutcome(ctx: CommitContext, outputs: StageOutputs, source: Source, outcome: Outcome): Promise<CommitResult> {
  const target = outcome.kind === 'product' ? outputs.product : outputs.error;
  for (let attempt = 1; ; attempt++) {
    const seen = await observe(ctx, [outputs.product, outputs.error, ...outputs.downstream]);
    if (!(await inputIsCurrent(ctx, source))) return 'superseded';
    const current = seen[target];
    let result: CommitResult = 'present';
    if (!madeFrom(current, source)) {
      const etag = await writeObject(ctx.s3, ctx.outputBucket, target, outcome.stored.body, {
        contentType: outcome.stored.contentType,
        metadata: { ...outcome.stored.metadata, ...source.fingerprint },
        sourceEtag: source.etag,
        sourceKey: source.key,
        expect: current?.etag ?? null,
        signal: ctx.signal,
      });
      if (etag === false) {
        if (attempt >= MAX_CONFLICTS) {
          throw new BriefingError('storage', 'write_conflict', `${target} changed ${attempt} times while being written; retrying later`, { permanent: false });
        }
        continue;
      }
      if (!(await inputIsCurrent(ctx, source))) {
        await deleteObjectIf(ctx.s3, ctx.outputBucket, target, etag, ctx.signal);
        return 'superseded';
      }
      result = 'written';
    }
    await removeStale(ctx, outputs, source, outcome.kind, seen);
    return result;
  }
}

/** Step 5: the other outcome's leftovers, each deleted only if unchanged since it was observed. */
async function removeStale(ctx: CommitContext, outputs: StageOutputs, source: Source, kind: Outcome['kind'], seen: Observed): Promise<void> {
  const staleOwn = (key: string): ObjectHead | undefined => {
    const head = seen[key];
    return head && ownedBy(head, source.key) && !madeFrom(head, source) ? head : undefined;
  };
  const doomed: Array<[string, ObjectHead]> = [];
  const stale = staleOwn(kind === 'product' ? outputs.error : outputs.product);
  if (stale) doomed.push([kind === 'product' ? outputs.error : outputs.product, stale]);
  if (kind === 'error') {
    // What was made from the product goes with it — unless the product belongs to another input.
    const product = seen[outputs.product];
    if (!product || ownedBy(product, source.key)) {
      for (const key of outputs.downstream) {
        const head = seen[key];
        if (head) doomed.push([key, head]);
      }
    }
  }
  await Promise.all(doomed.map(([key, head]) => deleteObjectIf(ctx.s3, ctx.outputBucket, key, head.etag, ctx.signal)));
}
