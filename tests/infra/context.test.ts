import { App } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { readContext } from '../../infra/context';

describe('CDK context settings', () => {
  it('reads -c strings and cdk.json values alike', () => {
    const fromCli = readContext(new App({ context: { reservedConcurrency: '10', retainData: 'false', alarmEmail: 'ops@example.org', templatePrefixes: '{"flash/":"flash"}' } }));
    const fromJson = readContext(new App({ context: { reservedConcurrency: 10, retainData: false, alarmEmail: 'ops@example.org', templatePrefixes: { 'flash/': 'flash' } } }));
    expect(fromCli).toEqual(fromJson);
    expect(fromCli).toMatchObject({ reservedConcurrency: 10, retainData: false, alarmEmail: 'ops@example.org', inputBucketName: undefined, templatePrefixes: { 'flash/': 'flash' } });
  });

  it('reads the operations settings: encryption, event e-mails as a list or comma-separated', () => {
    const fromCli = readContext(new App({ context: { encryption: 'kms', eventEmails: 'desk@example.org, editor@example.org', presignedUrlMinutes: '30' } }));
    const fromJson = readContext(new App({ context: { encryption: 'kms', eventEmails: ['desk@example.org', 'editor@example.org'], presignedUrlMinutes: 30 } }));
    expect(fromCli).toEqual(fromJson);
    expect(fromCli).toMatchObject({ encryption: 'kms', eventEmails: ['desk@example.org', 'editor@example.org'], presignedUrlMinutes: 30 });
    expect(readContext(new App({ context: { reconcileEveryHours: '0' } })).reconcileEveryHours).toBe(0);
    expect(readContext(new App({ context: { reconcileEveryHours: 12 } })).reconcileEveryHours).toBe(12);
    expect(() => readContext(new App({ context: { encryption: 'aes' } }))).toThrow(/context encryption must be one of s3, kms/);
  });

  it('names the key of a value it cannot use', () => {
    expect(() => readContext(new App({ context: { maxBytes: 'five' } }))).toThrow(/context maxBytes must be an integer/);
    expect(() => readContext(new App({ context: { retainData: 'yes' } }))).toThrow(/context retainData must be true or false/);
    expect(() => readContext(new App({ context: { templatePrefixes: 'flash/=flash' } }))).toThrow(/context templatePrefixes must be a JSON object/);
    expect(() => readContext(new App({ context: { templatePrefixes: '{"flash/": 1}' } }))).toThrow(/context templatePrefixes must map strings to strings/);
  });
});
