/**
 * CDK context → typed settings. `-c key=value` always arrives as a string, cdk.json values as
 * JSON; both are accepted, and a value that is neither is refused with the key named.
 */
import type { Node } from 'constructs';
import type { BriefingContext } from './briefing-stack';

type Reader = Pick<Node, 'tryGetContext'>;

const raw = (node: Reader, key: string): unknown => {
  const value: unknown = node.tryGetContext(key);
  return value === undefined || value === null || value === '' ? undefined : value;
};

const text = (node: Reader, key: string): string | undefined => {
  const value = raw(node, key);
  if (value !== undefined && typeof value !== 'string') throw new Error(`context ${key} must be a string, got ${JSON.stringify(value)}`);
  return value;
};

const integer = (node: Reader, key: string): number | undefined => {
  const value = raw(node, key);
  if (value === undefined) return undefined;
  const number = typeof value === 'number' ? value : Number(value);
  if (!Number.isInteger(number)) throw new Error(`context ${key} must be an integer, got ${JSON.stringify(value)}`);
  return number;
};

const flag = (node: Reader, key: string): boolean | undefined => {
  const value = raw(node, key);
  if (value === undefined) return undefined;
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  throw new Error(`context ${key} must be true or false, got ${JSON.stringify(value)}`);
};

/** A JSON array of strings (cdk.json) or one comma-separated string (`-c a@x.org,b@y.org`). */
const list = (node: Reader, key: string): string[] | undefined => {
  const value = raw(node, key);
  if (value === undefined) return undefined;
  if (typeof value === 'string') return value.split(',').map((item) => item.trim()).filter(Boolean);
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value;
  throw new Error(`context ${key} must be a list of strings or a comma-separated string, got ${JSON.stringify(value)}`);
};

/** A JSON object of strings, given as JSON text (`-c key='{…}'`) or as an object in cdk.json. */
const stringMap = (node: Reader, key: string): Record<string, string> | undefined => {
  const value = raw(node, key);
  if (value === undefined) return undefined;
  let parsed: unknown = value;
  try {
    if (typeof value === 'string') parsed = JSON.parse(value);
  } catch {
    throw new Error(`context ${key} must be a JSON object, got ${JSON.stringify(value)}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed) || Object.values(parsed).some((v) => typeof v !== 'string')) {
    throw new Error(`context ${key} must map strings to strings, got ${JSON.stringify(value)}`);
  }
  return parsed as Record<string, string>;
};

const oneOf = <T extends string>(node: Reader, key: string, allowed: readonly T[]): T | undefined => {
  const value = text(node, key);
  if (value !== undefined && !allowed.includes(value as T)) throw new Error(`context ${key} must be one of ${allowed.join(', ')}, got ${JSON.stringify(value)}`);
  return value as T | undefined;
};

export function readContext(scope: { readonly node: Reader }): BriefingContext {
  const { node } = scope;
  return {
    inputBucketName: text(node, 'inputBucketName'),
    outputBucketName: text(node, 'outputBucketName'),
    encryption: oneOf(node, 'encryption', ['s3', 'kms']),
    kmsKeyArn: text(node, 'kmsKeyArn'),
    alarmEmail: text(node, 'alarmEmail'),
    eventEmails: list(node, 'eventEmails'),
    presignedUrlMinutes: integer(node, 'presignedUrlMinutes'),
    reservedConcurrency: integer(node, 'reservedConcurrency'),
    maxConcurrency: integer(node, 'maxConcurrency'),
    maxBytes: integer(node, 'maxBytes'),
    logRetentionDays: integer(node, 'logRetentionDays'),
    errorsExpirationDays: integer(node, 'errorsExpirationDays'),
    retainData: flag(node, 'retainData'),
    templatePrefixes: stringMap(node, 'templatePrefixes'),
    web: flag(node, 'web'),
    webSignInDomainPrefix: text(node, 'webSignInDomainPrefix'),
    webSelfSignUp: flag(node, 'webSelfSignUp'),
    reconcileEveryHours: integer(node, 'reconcileEveryHours'),
  };
}
