/**
 * MiB each stage's function gets unless BriefingPipeline's props say otherwise. Apart from the
 * construct so the benchmark can start a handler with the flags Lambda derives from its memory
 * (infra/code-cache.ts `lambdaNodeFlags`) without loading the CDK.
 */
export const DEFAULT_MEMORY_MB = {
  extract: 1024,
  /** CPU scales with memory and rendering is CPU-bound: one full vCPU. */
  render: 1769,
  event: 1024,
} as const;
