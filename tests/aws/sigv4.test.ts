/**
 * The handlers' SigV4 (lambdas/aws/sigv4.ts) against the AWS SDK's own signer
 * (@smithy/signature-v4, which the SDK's clients sign with): the same request, credentials and
 * instant must give the same signature, for S3 (a key that needs encoding, a query, metadata
 * headers, a session token) and for EventBridge's JSON API; presigned URLs likewise. The local
 * server's verifier (local/sigv4.ts), which shares the canonical form, accepts both.
 */
import { createHash, createHmac } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';
import { describe, expect, it } from 'vitest';
import { EventBridgeEvents } from '../../lambdas/aws/eventbridge';
import type { HttpRequest, HttpTransport } from '../../lambdas/aws/http';
import { encodeKeyPath, presignUrl, requestPath, sha256Hex, signHeaders, type UnsignedRequest } from '../../lambdas/aws/sigv4';
import { verifySignature } from '../../local/sigv4';

const bytes = (data: ArrayBuffer | ArrayBufferView): Uint8Array => (ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : new Uint8Array(data));

/** The hash constructor the SDK's signer is given (an HMAC when it has a secret). */
class NodeSha256 {
  private readonly hash;
  constructor(secret?: string | ArrayBuffer | ArrayBufferView) {
    this.hash = secret === undefined ? createHash('sha256') : createHmac('sha256', typeof secret === 'string' ? secret : bytes(secret));
  }
  update(data: string | ArrayBuffer | ArrayBufferView): void {
    this.hash.update(typeof data === 'string' ? data : bytes(data));
  }
  async digest(): Promise<Uint8Array> {
    return this.hash.digest();
  }
}

const AT = new Date('2026-12-05T10:15:30Z');
const CREDENTIALS = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY', sessionToken: 'token/with+odd=chars' };

function sdkSigner(service: string, region = 'eu-west-1', uriEscapePath = true): SignatureV4 {
  return new SignatureV4({ credentials: CREDENTIALS, region, service, sha256: NodeSha256, uriEscapePath, applyChecksum: false });
}

const signatureIn = (authorization: string | undefined): string => /Signature=([0-9a-f]{64})$/.exec(authorization ?? '')?.[1] ?? 'none';

describe('SigV4 as the SDK signs', () => {
  it('signs an S3 PUT with an awkward key, a query, metadata and a session token exactly as the SDK does', async () => {
    const key = "2019/idlib offensive+update ü (1)!*'.txt";
    const body = Buffer.from('Eight people died.');
    const request: UnsignedRequest = {
      method: 'PUT',
      origin: new URL('https://briefings.s3.eu-west-1.amazonaws.com'),
      path: `/${encodeKeyPath(key)}`,
      query: [['x-id', 'PutObject'], ['a b', 'c/d']],
      // A value with spaces around and within it: signed trimmed, runs of spaces as one.
      headers: { 'content-type': 'text/plain; charset=utf-8', 'x-amz-meta-source-key': '2019%2F%C3%BC.txt', 'x-amz-meta-note': '  two  spaces   here ', 'if-none-match': '*', 'x-amz-content-sha256': sha256Hex(body) },
      payloadHash: sha256Hex(body),
    };
    const ours = signHeaders(request, CREDENTIALS, { region: 'eu-west-1', service: 's3' }, AT);
    // S3 signs the path as sent (no second encoding): the SDK's S3 client sets uriEscapePath false.
    const sdk = await sdkSigner('s3', 'eu-west-1', false).sign({
      method: 'PUT', protocol: 'https:', hostname: request.origin.hostname, path: request.path,
      query: { 'x-id': 'PutObject', 'a b': 'c/d' }, headers: { ...request.headers, host: request.origin.host }, body,
    }, { signingDate: AT });
    expect(signatureIn(ours.authorization)).toBe(signatureIn(sdk.headers.authorization));
    expect(ours['x-amz-security-token']).toBe(CREDENTIALS.sessionToken);
    expect(ours['x-amz-date']).toBe('20261205T101530Z');
  });

  it('signs the PutEvents request the EventBridge client sends as the SDK signs the same request', async () => {
    let sent: HttpRequest | undefined;
    const transport: HttpTransport = {
      async send(request) {
        sent = request;
        return { status: 200, headers: {}, body: Buffer.from('{"FailedEntryCount":0,"Entries":[{"EventId":"1"}]}') };
      },
      destroy() {},
    };
    const events = new EventBridgeEvents({ region: 'eu-west-1', credentials: CREDENTIALS, transport });
    await events.putEvents([{ EventBusName: 'bus', Source: 'briefing', DetailType: 'Briefing Ready', Time: AT, Detail: '{"a":1}' }]);
    const { authorization, ...unsigned } = sent!.headers;
    const amzDate = unsigned['x-amz-date']!;
    const signingDate = new Date(`${amzDate.slice(0, 4)}-${amzDate.slice(4, 6)}-${amzDate.slice(6, 8)}T${amzDate.slice(9, 11)}:${amzDate.slice(11, 13)}:${amzDate.slice(13, 15)}Z`);
    const sdk = await sdkSigner('events').sign({
      method: sent!.method, protocol: 'https:', hostname: sent!.origin.hostname, path: sent!.path, query: {}, headers: unsigned, body: sent!.body,
    }, { signingDate });
    expect(sent!.origin.host).toBe('events.eu-west-1.amazonaws.com');
    expect(unsigned).toMatchObject({ 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSEvents.PutEvents', 'x-amz-security-token': CREDENTIALS.sessionToken });
    expect(signatureIn(authorization)).toBe(signatureIn(sdk.headers.authorization));
    expect(JSON.parse(Buffer.from(sent!.body!).toString())).toEqual({ Entries: [{ EventBusName: 'bus', Source: 'briefing', DetailType: 'Briefing Ready', Time: AT.getTime() / 1000, Detail: '{"a":1}' }] });
  });

  it('signs an EventBridge PutEvents as the SDK does', async () => {
    const body = Buffer.from(JSON.stringify({ Entries: [{ Source: 'briefing' }] }));
    const request: UnsignedRequest = {
      method: 'POST', origin: new URL('https://events.eu-west-1.amazonaws.com'), path: '/', query: [],
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSEvents.PutEvents', 'x-amz-content-sha256': sha256Hex(body) },
      payloadHash: sha256Hex(body),
    };
    const ours = signHeaders(request, CREDENTIALS, { region: 'eu-west-1', service: 'events' }, AT);
    const sdk = await sdkSigner('events').sign({
      method: 'POST', protocol: 'https:', hostname: request.origin.hostname, path: '/', query: {},
      headers: { ...request.headers, host: request.origin.host }, body,
    }, { signingDate: AT });
    expect(signatureIn(ours.authorization)).toBe(signatureIn(sdk.headers.authorization));
    expect(ours.authorization).toContain('Credential=AKIDEXAMPLE/20261205/eu-west-1/events/aws4_request');
  });

  it('presigns a GET URL as the SDK does', async () => {
    const target = { origin: new URL('https://briefings.s3.eu-west-1.amazonaws.com'), path: `/${encodeKeyPath('briefings/a b ü.pdf')}`, query: [] };
    const url = new URL(presignUrl(target, CREDENTIALS, { region: 'eu-west-1', service: 's3' }, 900, AT));
    const sdk = await sdkSigner('s3', 'eu-west-1', false).presign({
      // As @aws-sdk/s3-request-presigner asks: the payload unsigned, only the host signed.
      method: 'GET', protocol: 'https:', hostname: target.origin.hostname, path: target.path, query: {}, headers: { host: target.origin.host, 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' },
    }, { signingDate: AT, expiresIn: 900, unsignableHeaders: new Set(['x-amz-content-sha256']), unhoistableHeaders: new Set(['x-amz-content-sha256']) });
    const sdkQuery = sdk.query as Record<string, string>;
    expect(url.searchParams.get('X-Amz-Signature')).toBe(sdkQuery['X-Amz-Signature']);
    expect(url.searchParams.get('X-Amz-Expires')).toBe('900');
    expect(url.pathname).toBe('/briefings/a%20b%20%C3%BC.pdf');
  });

  it('a signature the local server checks: accepted as made, refused once anything signed changes', () => {
    const local = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
    const request: UnsignedRequest = {
      method: 'GET', origin: new URL('http://127.0.0.1:4569'), path: `/articles/${encodeKeyPath('a/../b c.txt')}`, query: [],
      headers: { 'if-match': '"abc"', 'x-amz-content-sha256': sha256Hex('') }, payloadHash: sha256Hex(''),
    };
    const headers = signHeaders(request, local, { region: 'us-east-1', service: 's3' });
    expect(verifySignature({ method: 'GET', url: requestPath(request), headers }, local)).toBeNull();
    expect(verifySignature({ method: 'GET', url: requestPath(request), headers: { ...headers, 'if-match': '"abd"' } }, local)).toMatchObject({ code: 'SignatureDoesNotMatch' });
    expect(verifySignature({ method: 'HEAD', url: requestPath(request), headers }, local)).toMatchObject({ code: 'SignatureDoesNotMatch' });
    // Read as a string: a URL object would resolve the key's `..`.
    const presigned = presignUrl(request, local, { region: 'us-east-1', service: 's3' }, 60).slice(request.origin.origin.length);
    expect(presigned.startsWith('/articles/a/../b%20c.txt?')).toBe(true);
    const host = { host: request.origin.host };
    expect(verifySignature({ method: 'GET', url: presigned, headers: host }, local)).toBeNull();
    expect(verifySignature({ method: 'GET', url: presigned.replace('X-Amz-Expires=60', 'X-Amz-Expires=61'), headers: host }, local)).toMatchObject({ code: 'SignatureDoesNotMatch' });
  });
});
