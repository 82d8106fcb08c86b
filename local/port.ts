/**
 * s3rver reports a port already in use as an uncaught 'error' event, not as a failed start,
 * so check the port first and fail with a sentence instead of a crash.
 */
import { createServer } from 'node:net';

export function assertPortFree(port: number, host: string): Promise<void> {
  if (port === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => {
      reject(new Error(error.code === 'EADDRINUSE' ? `port ${port} is already in use (set PORT to use another)` : error.message));
    });
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}
