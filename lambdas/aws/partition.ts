/**
 * The domain AWS's endpoints live under in a region's partition: `amazonaws.com`, and
 * `amazonaws.com.cn` in the China regions. The other partitions (GovCloud is in the first;
 * the isolated ones are not reachable from here) need an endpoint set explicitly.
 */
export const dnsSuffix = (region: string): string => (region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com');
