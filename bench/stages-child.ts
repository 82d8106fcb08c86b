/**
 * The per-stage section's measurement (stages.ts) in a fresh process, bundled by
 * stages-section.ts as the stages ship. Prints one JSON line on stdout.
 * Usage: stages-child <iterations> <warmup>
 */
import { measureStages } from './stages';

const [iterations, warmup] = process.argv.slice(2).map(Number);
if (!Number.isInteger(iterations) || !Number.isInteger(warmup)) throw new Error('usage: stages-child <iterations> <warmup>');
process.stdout.write(`${JSON.stringify(await measureStages({ iterations: iterations!, warmup: warmup! }))}\n`);
