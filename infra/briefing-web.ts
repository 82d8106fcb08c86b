/**
 * The web page, deployed: validate props → build → wire.
 *
 *   browser ──HTTPS──▶ CloudFront ──origin access control──▶ site bucket (dist/web + config.json; never public)
 *      │ sign in: the Cognito user pool's hosted pages (admin-created users, MFA, no self sign-up by default)
 *      └──Bearer token──▶ HTTP API (JWT authorizer on every route) ──▶ web λ ──▶ the user's own prefix
 *                             pre-signed PUT ▶ input bucket users/<sub>/…   pre-signed GET ◀ output bucket …/users/<sub>/…
 *
 * The page is the one `npm start` serves (web/, built into dist/web by `npm ci`); only its
 * config.json differs. A correction the web λ saves is `figures/users/<sub>/….json`, which the
 * render stage turns into a new PDF as it does any figures.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Annotations, Aws, Duration, Fn, RemovalPolicy, Stack, Token } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as deployment from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { API_ROUTES } from '../lambdas/contract/web-routes';
import { PROJECT_ROOT } from './bundling';
import { handlerFunction } from './handler-function';
import { acknowledgeObjectWildcards } from './nag';

/** What a deployment may choose about its page; every field has a default. */
export interface BriefingWebOptions {
  /**
   * The prefix of the sign-in pages' address, `https://<prefix>.auth.<region>.amazoncognito.com`;
   * unique within the region, lowercase letters, digits and hyphens. Default:
   * `<stack name in lowercase>-<account id>`.
   */
  readonly signInDomainPrefix?: string;
  /** Let anyone with the address create an account. Default: false (an administrator creates users). */
  readonly selfSignUp?: boolean;
  /** Fetch web addresses people paste (public addresses only). Default: true. */
  readonly fetches?: boolean;
  /** Lifetime of the download links the page is given. Default: one hour. */
  readonly downloadLinkLifetime?: Duration;
  /** Requests per second across all users (the stage's throttle; bursts of twice that). Default: 20. */
  readonly requestsPerSecond?: number;
}

export interface BriefingWebProps extends BriefingWebOptions {
  readonly inputBucket: s3.IBucket;
  readonly outputBucket: s3.IBucket;
  /** The key of the data buckets, when they use KMS. Default: none (SSE-S3). */
  readonly encryptionKey?: kms.IKey;
  /** The pipeline's size limit, told to the page and enforced on each upload's signed length. */
  readonly maxBytes: number;
  readonly logRetention: logs.RetentionDays;
  /** Whether the user pool and the logs bucket survive `cdk destroy`. */
  readonly retainData: boolean;
  /** The built page. Default: dist/web (made by `npm ci`). */
  readonly pageDir?: string;
}

/** Inside every user's space, in both buckets. */
const USERS = 'users/';

export class BriefingWeb extends Construct {
  readonly siteBucket: s3.Bucket;
  readonly distribution: cloudfront.Distribution;
  readonly userPool: cognito.UserPool;
  readonly userPoolClient: cognito.UserPoolClient;
  readonly signInDomain: cognito.UserPoolDomain;
  readonly api: apigwv2.HttpApi;
  readonly function: lambda.IFunction;
  readonly functionRole: iam.IRole;
  /** The bucket of CloudFront's and the site bucket's access logs. */
  readonly logsBucket: s3.Bucket;
  /** The function's log group and the API's access log group. */
  readonly logGroups: readonly logs.ILogGroup[];
  /** `https://<distribution domain>` */
  readonly url: string;
  /** The user pool's hosted sign-in pages. */
  readonly signInUrl: string;

  constructor(scope: Construct, id: string, props: BriefingWebProps) {
    super(scope, id);
    // Validate
    const pageDir = props.pageDir ?? join(PROJECT_ROOT, 'dist/web');
    if (!existsSync(join(pageDir, 'index.html'))) {
      throw new Error(`BriefingWeb: the web page is not built (${pageDir} has no index.html): run npm ci or npm run build first`);
    }
    const prefix = props.signInDomainPrefix;
    if (prefix !== undefined && !Token.isUnresolved(prefix) && (!/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(prefix) || /aws|amazon|cognito/.test(prefix))) {
      throw new Error(`BriefingWeb: signInDomainPrefix "${prefix}" must be lowercase letters, digits and hyphens (at most 63), without aws, amazon or cognito`);
    }
    const rate = props.requestsPerSecond ?? 20;
    if (!Number.isInteger(rate) || rate < 1 || rate > 10_000) throw new Error(`BriefingWeb: requestsPerSecond must be an integer from 1 to 10000, got ${rate}`);
    const linkSeconds = (props.downloadLinkLifetime ?? Duration.hours(1)).toSeconds();
    if (linkSeconds < 60 || linkSeconds > 12 * 3600) throw new Error('BriefingWeb: downloadLinkLifetime must be from 1 minute to 12 hours');
    const retain = props.retainData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;

    // Build: the static site, private, read by CloudFront alone
    const logsBucket = (this.logsBucket = new s3.Bucket(this, 'LogsBucket', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: s3.BucketEncryption.S3_MANAGED,
      // CloudFront's standard logs are written with an ACL.
      objectOwnership: s3.ObjectOwnership.OBJECT_WRITER,
      versioned: true,
      lifecycleRules: [{ id: 'ExpireWebLogs', expiration: Duration.days(365), noncurrentVersionExpiration: Duration.days(30) }],
      removalPolicy: retain,
      autoDeleteObjects: !props.retainData,
    }));
    this.siteBucket = new s3.Bucket(this, 'SiteBucket', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: s3.BucketEncryption.S3_MANAGED,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: logsBucket,
      serverAccessLogsPrefix: 'site/',
      // Only the build's files live here, and the deployment removes them on `cdk destroy`.
      removalPolicy: RemovalPolicy.DESTROY,
    });
    // The page talks to its API, signs in with Cognito and sends files to S3 with pre-signed URLs.
    // Those are named by wildcard: naming them exactly would make the site depend on what depends on it.
    const aws = (service: string): string => `https://*.${service}.${Aws.REGION}.amazonaws.com`;
    const s3Hosts = `${aws('s3')} https://*.s3.amazonaws.com`;
    const policy = new cloudfront.ResponseHeadersPolicy(this, 'Headers', {
      comment: 'briefing page: no framing, no sniffing, HTTPS only, scripts and styles of its own',
      securityHeadersBehavior: {
        contentSecurityPolicy: {
          override: true,
          contentSecurityPolicy: [
            "default-src 'none'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:",
            `connect-src 'self' ${aws('execute-api')} https://*.auth.${Aws.REGION}.amazoncognito.com ${s3Hosts}`,
            `frame-src ${s3Hosts}`, "form-action 'none'", "base-uri 'none'", "frame-ancestors 'none'",
          ].join('; '),
        },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: cloudfront.HeadersReferrerPolicy.NO_REFERRER, override: true },
        strictTransportSecurity: { accessControlMaxAge: Duration.days(365), includeSubdomains: true, override: true },
      },
    });
    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: 'briefing pipeline web page',
      defaultRootObject: 'index.html',
      defaultBehavior: {
        origin: origins.S3BucketOrigin.withOriginAccessControl(this.siteBucket),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD,
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: policy,
      },
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      enableLogging: true,
      logBucket: logsBucket,
      logFilePrefix: 'cloudfront/',
    });
    this.url = `https://${this.distribution.distributionDomainName}`;

    // Build: who may sign in
    this.userPool = new cognito.UserPool(this, 'Users', {
      selfSignUpEnabled: props.selfSignUp ?? false,
      signInAliases: { email: true },
      autoVerify: { email: true },
      standardAttributes: { email: { required: true, mutable: true } },
      passwordPolicy: { minLength: 12, requireLowercase: true, requireUppercase: true, requireDigits: true, requireSymbols: true, tempPasswordValidity: Duration.days(3) },
      mfa: cognito.Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      userInvitation: {
        emailSubject: 'Your briefing pipeline account',
        emailBody: `Your account for the briefing page ${this.url}/ is ready. Sign in as {username} with the temporary password {####}; you will choose your own password and set up an authenticator app.`,
      },
      deletionProtection: props.retainData,
      removalPolicy: retain,
    });
    this.userPoolClient = this.userPool.addClient('PageClient', {
      generateSecret: false,
      authFlows: { userSrp: true },
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL],
        callbackUrls: [`${this.url}/`],
        logoutUrls: [`${this.url}/`],
      },
      supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.COGNITO],
      preventUserExistenceErrors: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
    });
    this.signInDomain = this.userPool.addDomain('SignIn', {
      cognitoDomain: { domainPrefix: prefix ?? Fn.join('-', [Stack.of(this).stackName.toLowerCase().replace(/[^a-z0-9-]/g, '-'), Aws.ACCOUNT_ID]) },
    });

    // Build: the API and its function
    const api = handlerFunction(this, 'Api', {
      encryptionKey: props.encryptionKey,
      handler: 'web',
      timeout: Duration.seconds(20),
      memorySize: 512,
      logRetention: props.logRetention,
      environment: {
        INPUT_BUCKET: props.inputBucket.bucketName,
        OUTPUT_BUCKET: props.outputBucket.bucketName,
        MAX_BYTES: String(props.maxBytes),
        DOWNLOAD_URL_SECONDS: String(linkSeconds),
        WEB_FETCHES: String(props.fetches ?? true),
      },
      purpose: 'briefing pipeline web page API',
    });
    this.function = api.function;
    this.functionRole = api.role;
    const accessLogs = new logs.LogGroup(this, 'ApiAccessLogs', { retention: props.logRetention, encryptionKey: props.encryptionKey, removalPolicy: RemovalPolicy.DESTROY });
    this.logGroups = [api.logGroup, accessLogs];
    this.api = new apigwv2.HttpApi(this, 'Api', {
      description: 'briefing pipeline web page API (every route needs a signed-in user)',
      createDefaultStage: false,
      corsPreflight: {
        allowOrigins: [this.url],
        allowMethods: [apigwv2.CorsHttpMethod.GET, apigwv2.CorsHttpMethod.POST],
        allowHeaders: ['authorization', 'content-type'],
        maxAge: Duration.hours(1),
      },
      defaultAuthorizer: new HttpUserPoolAuthorizer('PageUsers', this.userPool, { userPoolClients: [this.userPoolClient] }),
    });
    new apigwv2.HttpStage(this, 'Stage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: rate, burstLimit: rate * 2 },
      accessLogSettings: { destination: new apigwv2.LogGroupLogDestination(accessLogs), format: apigateway.AccessLogFormat.jsonWithStandardFields() },
    });
    const integration = new HttpLambdaIntegration('Pipeline', this.function);
    for (const { method, path } of API_ROUTES) {
      this.api.addRoutes({ path, methods: [apigwv2.HttpMethod[method]], integration });
    }

    // Build: the page and what it is told
    new deployment.BucketDeployment(this, 'Page', {
      sources: [
        deployment.Source.asset(pageDir),
        deployment.Source.jsonData('config.json', {
          mode: 'deployed',
          api: this.api.apiEndpoint,
          maxBytes: props.maxBytes,
          updates: 'poll',
          fetches: props.fetches ?? true,
          auth: { domain: `${this.signInDomain.domainName}.auth.${Aws.REGION}.amazoncognito.com`, clientId: this.userPoolClient.userPoolClientId, region: Aws.REGION },
        }),
      ],
      destinationBucket: this.siteBucket,
      distribution: this.distribution,
      distributionPaths: ['/*'],
      retainOnDelete: false,
      memoryLimit: 256,
    });
    this.signInUrl = `https://${this.signInDomain.domainName}.auth.${Aws.REGION}.amazoncognito.com`;

    // Wire: the function reaches only users/ in both buckets (the code keeps each user to their own `users/<sub>/`)
    const fn = this.function;
    fn.addToRolePolicy(new iam.PolicyStatement({ actions: ['s3:PutObject', 's3:GetObject'], resources: [props.inputBucket.arnForObjects(`${USERS}*`)] }));
    acknowledgeObjectWildcards(fn.role!, props.inputBucket, [`${USERS}*`], 's3:PutObject/s3:GetObject', 'pre-signed uploads and HEADs of articles in the users\' own spaces');
    const readable = [`figures/${USERS}*`, `briefings/${USERS}*`, `errors/${USERS}*`, `errors/figures/${USERS}*`, `revisions/${USERS}*`];
    fn.addToRolePolicy(new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: readable.map((p) => props.outputBucket.arnForObjects(p)) }));
    acknowledgeObjectWildcards(fn.role!, props.outputBucket, readable, 's3:GetObject', 'HEADs, reads and pre-signed downloads of the users\' own outputs');
    const writable = [`figures/${USERS}*`, `revisions/${USERS}*`];
    fn.addToRolePolicy(new iam.PolicyStatement({ actions: ['s3:PutObject'], resources: writable.map((p) => props.outputBucket.arnForObjects(p)) }));
    acknowledgeObjectWildcards(fn.role!, props.outputBucket, writable, 's3:PutObject', 'a person\'s corrections: a new revision of their figures, the original kept');
    fn.addToRolePolicy(new iam.PolicyStatement({
      actions: ['s3:ListBucket'],
      resources: [props.inputBucket.bucketArn, props.outputBucket.bucketArn],
      conditions: { StringLike: { 's3:prefix': [`${USERS}*`, `figures/${USERS}*`, `briefings/${USERS}*`, `errors/${USERS}*`, `errors/figures/${USERS}*`, `revisions/${USERS}*`] } },
    }));
    props.encryptionKey?.grant(fn, 'kms:Decrypt', 'kms:GenerateDataKey');
    if (props.inputBucket instanceof s3.Bucket) {
      props.inputBucket.addCorsRule({ allowedMethods: [s3.HttpMethods.PUT], allowedOrigins: [this.url], allowedHeaders: ['content-type'], maxAge: 3600 });
    } else {
      Annotations.of(this).addWarningV2('briefing:web-cors', 'The input bucket is an existing one: allow PUT from the page\'s origin (output WebUrl) with header content-type in its CORS rules, or uploads from the page fail.');
    }
  }
}
