/**
 * `@aws-sdk/client-s3` as the cold handler bundles see it (bench/cold/bundles.ts redirects the
 * handlers' import here): the real package, with every S3Client answered from the local disk.
 */
import { S3Client as SdkS3Client, type S3ClientConfig } from '@aws-sdk/client-s3';
import { localHandler } from './local-aws';

export * from '@aws-sdk/client-s3';

export class S3Client extends SdkS3Client {
  constructor(config: S3ClientConfig = {}) {
    super({ ...config, requestHandler: localHandler() as unknown as S3ClientConfig['requestHandler'] });
  }
}
