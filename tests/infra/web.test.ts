/**
 * The deployed web page in the synthesized template (cdk-nag checked in the same synthesis): a
 * private site bucket read by CloudFront through origin access control, a user pool where an
 * administrator creates the users, an HTTP API whose every route needs a Cognito JWT, a
 * function that reaches only the users' spaces, and `web: false` leaving all of it out. The
 * function's own bundle, taken from cdk.out, answers in plain node.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { Match } from 'aws-cdk-lib/assertions';
import { afterAll, describe, expect, it } from 'vitest';
import { App } from 'aws-cdk-lib';
import { readContext } from '../../infra/context';
import { HANDLER_ENTRY_FILE } from '../../infra/code-cache';
import { API_ROUTES } from '../../lambdas/contract/web-routes';
import { startS3Server } from '../../local/s3-server';
import { synthStack } from './synth';

type Resource = { Type: string; Properties: Record<string, any> };

// With a customer-managed key, so the web page's log groups and grants are seen on it (the pipeline's tests synthesize the default).
const { stack, template, outdir } = synthStack({ webSignInDomainPrefix: 'briefing-test-pages', encryption: 'kms' });
const resources = template.toJSON().Resources as Record<string, Resource>;
const ofType = (type: string): Array<[string, Resource]> => Object.entries(resources).filter(([, r]) => r.Type === type);
const logicalId = (construct: { node: { defaultChild?: unknown } }): string => stack.getLogicalId(construct.node.defaultChild as never);
const web = stack.pipeline.web!;
const ids = {
  site: logicalId(web.siteBucket),
  distribution: logicalId(web.distribution),
  pool: logicalId(web.userPool),
  client: logicalId(web.userPoolClient),
  api: logicalId(web.api),
  fn: logicalId(web.function as never),
  input: logicalId(stack.pipeline.inputBucket as never),
};
const scratch = mkdtempSync(join(tmpdir(), 'web-bundle-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the web page in the stack', () => {
  it('puts a JWT authorizer (the user pool, this client) on every route, and has exactly the routes the API answers', () => {
    const routes = ofType('AWS::ApiGatewayV2::Route');
    expect(routes.map(([, r]) => r.Properties.RouteKey).sort()).toEqual(API_ROUTES.map((r) => `${r.method} ${r.path}`).sort());
    const [[authorizerId, authorizer]] = ofType('AWS::ApiGatewayV2::Authorizer') as [[string, Resource]];
    for (const [, route] of routes) {
      expect(route.Properties.AuthorizationType).toBe('JWT');
      expect(route.Properties.AuthorizerId).toEqual({ Ref: authorizerId });
    }
    expect(authorizer.Properties).toMatchObject({
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: { Audience: [{ Ref: ids.client }] },
    });
    expect(JSON.stringify(authorizer.Properties.JwtConfiguration.Issuer)).toContain(ids.pool);
    // No route answers without it: CORS preflights are the API's own, not a route.
    expect(ofType('AWS::ApiGatewayV2::Api')[0]![1].Properties.CorsConfiguration).toMatchObject({ AllowMethods: ['GET', 'POST'], AllowHeaders: ['authorization', 'content-type'] });
  });

  it('keeps the site bucket private: public access blocked, read only by this distribution through origin access control', () => {
    expect(resources[ids.site]!.Properties.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true,
    });
    for (const [, bucket] of ofType('AWS::S3::Bucket')) {
      expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({ BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true });
    }
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: ids.site },
      PolicyDocument: {
        Statement: Match.arrayWith([Match.objectLike({
          Effect: 'Allow',
          Action: 's3:GetObject',
          Principal: { Service: 'cloudfront.amazonaws.com' },
          Condition: { StringEquals: { 'AWS:SourceArn': Match.anyValue() } },
        })]),
      },
    });
    const config = resources[ids.distribution]!.Properties.DistributionConfig;
    expect(config.Origins).toHaveLength(1);
    expect(config.Origins[0].OriginAccessControlId).toBeDefined();
    expect(config.Origins[0].S3OriginConfig.OriginAccessIdentity).toBe('');
    expect(config.DefaultCacheBehavior.ViewerProtocolPolicy).toBe('redirect-to-https');
    expect(config.Logging.Bucket).toBeDefined();
    expect(ofType('AWS::CloudFront::OriginAccessControl')[0]![1].Properties.OriginAccessControlConfig).toMatchObject({ OriginAccessControlOriginType: 's3', SigningBehavior: 'always' });
  });

  it('lets only an administrator create users, requires MFA, and signs in with the code flow and no client secret', () => {
    expect(resources[ids.pool]!.Properties).toMatchObject({
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      MfaConfiguration: 'ON',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
      Policies: { PasswordPolicy: { MinimumLength: 12, RequireLowercase: true, RequireNumbers: true, RequireSymbols: true, RequireUppercase: true } },
    });
    expect(resources[ids.client]!.Properties).toMatchObject({
      GenerateSecret: false,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthScopes: ['openid', 'email'],
      PreventUserExistenceErrors: 'ENABLED',
    });
    template.hasResourceProperties('AWS::Cognito::UserPoolDomain', { Domain: 'briefing-test-pages' });
  });

  it('gives the function only the users\' spaces, and lets the page PUT to the input bucket from its own origin', () => {
    const roleRef = resources[ids.fn]!.Properties.Role['Fn::GetAtt'][0] as string;
    const statements = [...ofType('AWS::IAM::Policy'), ...ofType('AWS::IAM::ManagedPolicy')]
      .filter(([, p]) => (p.Properties.Roles ?? []).some((r: { Ref: string }) => r.Ref === roleRef))
      .flatMap(([, p]) => p.Properties.PolicyDocument.Statement as Array<{ Action: string | string[]; Resource: unknown; Condition?: unknown }>);
    const s3Resources = statements.filter((s) => [s.Action].flat().some((a) => a.startsWith('s3:') && a !== 's3:ListBucket')).flatMap((s) => [s.Resource].flat());
    for (const resource of s3Resources) expect(JSON.stringify(resource)).toMatch(/\/(?:(?:figures|briefings|errors|revisions|errors\/figures)\/)?users\/\*"/);
    const list = statements.find((s) => s.Action === 's3:ListBucket')!;
    expect(JSON.stringify(list.Condition)).toContain('users/*');
    // The buckets are on the stack's key: the function may use it for its users' objects, and logs to groups on it.
    const [[keyId]] = ofType('AWS::KMS::Key') as [[string, Resource]];
    expect(statements.find((s) => [s.Action].flat().includes('kms:GenerateDataKey'))?.Resource).toEqual({ 'Fn::GetAtt': [keyId, 'Arn'] });
    for (const group of web.logGroups) expect(resources[logicalId(group as never)]!.Properties.KmsKeyId).toEqual({ 'Fn::GetAtt': [keyId, 'Arn'] });
    expect(resources[ids.input]!.Properties.CorsConfiguration.CorsRules).toEqual([
      expect.objectContaining({ AllowedMethods: ['PUT'], AllowedHeaders: ['content-type'], AllowedOrigins: [expect.anything()] }),
    ]);
  });

  it('deploys the built page with a config.json naming its API and sign-in, and headers that keep it to itself', () => {
    const deployment = ofType('Custom::CDKBucketDeployment')[0]![1].Properties;
    expect(deployment.DestinationBucketName).toEqual({ Ref: ids.site });
    expect(deployment.SourceObjectKeys).toHaveLength(2);
    const headers = ofType('AWS::CloudFront::ResponseHeadersPolicy')[0]![1].Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig;
    expect(JSON.stringify(headers.ContentSecurityPolicy)).toMatch(/default-src 'none'; script-src 'self'; style-src 'self'.*frame-ancestors 'none'/);
    expect(headers.FrameOptions.FrameOption).toBe('DENY');
    for (const output of ['WebUrl', 'WebUserPoolId', 'WebApiUrl', 'WebSignInUrl']) expect(template.toJSON().Outputs[output]).toBeDefined();
  });

  it('reads its context settings (-c web=false, webSignInDomainPrefix, webSelfSignUp)', () => {
    expect(readContext(new App({ context: { web: 'false', webSignInDomainPrefix: 'ours', webSelfSignUp: 'true' } }))).toMatchObject({ web: false, webSignInDomainPrefix: 'ours', webSelfSignUp: true });
    expect(() => readContext(new App({ context: { web: 'no' } }))).toThrow(/context web must be true or false/);
  });

  it('leaves all of it out with web: false', () => {
    const without = synthStack({ web: false }).template.toJSON().Resources as Record<string, Resource>;
    const types = new Set(Object.values(without).map((r) => r.Type));
    for (const type of ['AWS::CloudFront::Distribution', 'AWS::Cognito::UserPool', 'AWS::ApiGatewayV2::Api', 'Custom::CDKBucketDeployment']) expect(types.has(type)).toBe(false);
    expect(Object.values(without).filter((r) => r.Type === 'AWS::Lambda::Function' && JSON.stringify(r.Properties).includes('briefing-web'))).toEqual([]);
  }, 180_000);
});

describe('the web function\'s bundle from cdk.out', () => {
  it('answers a signed-in user\'s list in plain node (no tsx, no node_modules)', async () => {
    const server = await startS3Server({ buckets: ['articles', 'briefings'] });
    try {
      const key = resources[ids.fn]!.Properties.Code.S3Key as string;
      const bundle = pathToFileURL(join(outdir, `asset.${key.replace(/\.zip$/, '')}`, HANDLER_ENTRY_FILE)).href;
      const event = { rawPath: '/articles', rawQueryString: '', requestContext: { http: { method: 'GET' }, authorizer: { jwt: { claims: { sub: '11111111-2222-4333-8444-555555555555' } } } } };
      const child = `const { handler } = await import(process.env.BUNDLE); process.stdout.write(JSON.stringify(await handler(JSON.parse(process.env.EVENT))));`;
      const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', child], {
        cwd: scratch,
        env: {
          PATH: process.env.PATH, BUNDLE: bundle, EVENT: JSON.stringify(event), INPUT_BUCKET: 'articles', OUTPUT_BUCKET: 'briefings',
          AWS_ENDPOINT_URL_S3: server.endpoint, AWS_REGION: 'us-east-1', AWS_ACCESS_KEY_ID: 'S3RVER', AWS_SECRET_ACCESS_KEY: 'S3RVER', POWERTOOLS_LOG_LEVEL: 'ERROR',
        },
      });
      const answer = JSON.parse(stdout) as { statusCode: number; body: string };
      expect(answer.statusCode).toBe(200);
      expect(JSON.parse(answer.body)).toEqual({ articles: [], more: false });
      expect(readFileSync(new URL(bundle)).byteLength).toBeLessThan(1.5 * 1024 * 1024);
    } finally {
      await server.close();
    }
  });
});
