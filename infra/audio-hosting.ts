import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

/**
 * How long an edge may keep a rendered file: a year, the longest `max-age` HTTP caches honour. A
 * file's path is the hash of its content, so a path never names different bytes and nothing needs
 * invalidating; a new rendering is a new path.
 */
export const AUDIO_CACHE_TTL = Duration.days(365);

/** What the uploaded audio files carry: cacheable by anyone for a year, never revalidated. */
export const AUDIO_CACHE_CONTROL = `public, max-age=${AUDIO_CACHE_TTL.toSeconds()}, immutable`;

/** How long server access logs of the audio bucket are kept. */
export const ACCESS_LOG_RETENTION = Duration.days(90);

/** A custom domain for the audio, instead of the distribution's own `*.cloudfront.net` name. */
export interface AudioDomain {
  /** The host name, e.g. `audio.example.com`; point a CNAME or alias record at the distribution. */
  readonly name: string;
  /** An ACM certificate in us-east-1 (CloudFront's Region) that covers `name`. */
  readonly certificateArn: string;
}

/** Properties of {@link AudioHosting}. */
export interface AudioHostingProps {
  /**
   * Serve the audio under this domain with its own certificate, which lets the distribution
   * refuse anything older than TLS 1.2.
   *
   * @default - the distribution's `*.cloudfront.net` name and CloudFront's default certificate
   */
  readonly domain?: AudioDomain;
}

/**
 * A Bucket as the IBucket it is. Under `exactOptionalPropertyTypes` TypeScript rejects the plain
 * assignment, because Bucket's `isWebsite` getter returns `boolean | undefined` where IBucket
 * declares an optional `boolean`: the declarations disagree, the object is the same.
 */
export function asIBucket(bucket: s3.Bucket): s3.IBucket {
  return bucket as unknown as s3.IBucket;
}

/** The settings every bucket here shares: private, encrypted, TLS 1.2 or later only, no ACLs. */
const PRIVATE_BUCKET: s3.BucketProps = {
  blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
  encryption: s3.BucketEncryption.S3_MANAGED,
  // The bucket policy denies any request without TLS, and with TLS older than 1.2 (AwsSolutions-S10).
  enforceSSL: true,
  minimumTLSVersion: 1.2,
  // ACLs disabled: access is decided by IAM and the bucket policy only.
  objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
};

/**
 * Where AudioPlayer streams the rendered routine steps from: a private S3 bucket that only this
 * CloudFront distribution may read (origin access control), served over HTTPS with a trusted
 * certificate (alexa-platform.md, "Long-form audio") and cached at the edge for a year.
 */
export class AudioHosting extends Construct {
  public readonly bucket: s3.Bucket;
  /** Receives the audio bucket's server access logs. */
  public readonly accessLogBucket: s3.Bucket;
  public readonly distribution: cloudfront.Distribution;
  public readonly cachePolicy: cloudfront.CachePolicy;
  /** The HTTPS origin of the audio, without a trailing slash. */
  public readonly baseUrl: string;

  constructor(scope: Construct, id: string, props: AudioHostingProps = {}) {
    super(scope, id);

    this.accessLogBucket = new s3.Bucket(this, 'AccessLogs', {
      ...PRIVATE_BUCKET,
      lifecycleRules: [{ expiration: ACCESS_LOG_RETENTION }],
      // A bucket with objects in it cannot be deleted by CloudFormation; keeping it makes
      // `cdk destroy` finish, and the logs expire on their own.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.accessLogBucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'This is the access-log bucket of the audio bucket. Logging it would need yet another bucket, and its ' +
        'only writer is the S3 logging service; reads and deletions by people show in CloudTrail.',
    });

    this.bucket = new s3.Bucket(this, 'Bucket', {
      ...PRIVATE_BUCKET,
      serverAccessLogsBucket: asIBucket(this.accessLogBucket),
      serverAccessLogsPrefix: 'audio/',
      // Not versioned: a key is the hash of its content, so a write never replaces different
      // bytes, and the deploy never deletes (prune off). The manifest is the one key that is
      // rewritten, and every version of it is rebuilt from the repository by `npm run render`.
      versioned: false,
      lifecycleRules: [{ abortIncompleteMultipartUploadAfter: Duration.days(7) }],
      // Sessions paused days ago hold tokens that name old files: the audio outlives the stack
      // unless deleted on purpose (README, "Removing it").
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.cachePolicy = new cloudfront.CachePolicy(this, 'CachePolicy', {
      comment: 'Content-hashed audio: cached a year; objects say how long in Cache-Control',
      defaultTtl: AUDIO_CACHE_TTL,
      maxTtl: AUDIO_CACHE_TTL,
      // 0, so the manifest's short max-age is honoured; the audio files ask for a year themselves.
      minTtl: Duration.seconds(0),
      // Nothing but the path selects a file: no query string, header or cookie splits the cache.
      queryStringBehavior: cloudfront.CacheQueryStringBehavior.none(),
      headerBehavior: cloudfront.CacheHeaderBehavior.none(),
      cookieBehavior: cloudfront.CacheCookieBehavior.none(),
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
    });

    const certificate =
      props.domain === undefined
        ? undefined
        : acm.Certificate.fromCertificateArn(this, 'Certificate', props.domain.certificateArn);

    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: 'Partner Massage Coach: rendered routine audio',
      defaultBehavior: {
        origin: origins.S3BucketOrigin.withOriginAccessControl(asIBucket(this.bucket), {
          originAccessLevels: [cloudfront.AccessLevel.READ],
        }),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD,
        cachedMethods: cloudfront.CachedMethods.CACHE_GET_HEAD,
        cachePolicy: this.cachePolicy,
        // HSTS, nosniff and friends; harmless for a player and right for anything else.
        responseHeadersPolicy: cloudfront.ResponseHeadersPolicy.SECURITY_HEADERS,
        // Compresses the manifest; CloudFront leaves audio/mpeg as it is.
        compress: true,
      },
      // The skill is published in the US only: North America and Europe edges are enough and cost least.
      priceClass: cloudfront.PriceClass.PRICE_CLASS_100,
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      enableIpv6: true,
      ...(props.domain === undefined || certificate === undefined
        ? {}
        : {
            domainNames: [props.domain.name],
            certificate,
            minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021,
            sslSupportMethod: cloudfront.SSLMethod.SNI,
          }),
    });

    this.baseUrl =
      props.domain === undefined
        ? `https://${this.distribution.distributionDomainName}`
        : `https://${props.domain.name}`;

    Validations.of(this.distribution).acknowledge(
      {
        id: 'AwsSolutions-CFR1',
        reason:
          'No geo restriction: the audio is the same instructional speech for everyone, holds nothing ' +
          'personal, and is reachable only by its content-hashed paths. Blocking countries would break ' +
          'playback for a US user travelling and for the locales the skill may add.',
      },
      {
        id: 'AwsSolutions-CFR2',
        reason:
          'No WAF: the distribution serves static, immutable files with GET and HEAD only, from a private ' +
          'bucket, with no application behind it to attack. A web ACL (about 6 USD a month before requests) ' +
          'would cost more than the audio delivery itself at the expected scale.',
      },
      {
        id: 'AwsSolutions-CFR3',
        reason:
          'No CloudFront access logs: each line would hold the IP address of a user device, and the skill ' +
          'keeps no personal data. CloudFront publishes request, byte and error-rate metrics without logs, ' +
          'and the audio bucket keeps server access logs of what reaches the origin.',
      },
    );
    if (props.domain === undefined) {
      Validations.of(this.distribution).acknowledge({
        id: 'AwsSolutions-CFR4',
        reason:
          "Served under the distribution's own *.cloudfront.net name, whose default certificate has a " +
          'security policy fixed by CloudFront (TLSv1); a minimum TLS version can only be set with a custom ' +
          'domain and certificate, which the stack supports (-c audioDomain=… -c audioCertificateArn=…). ' +
          'Alexa devices negotiate TLS 1.2 or later; the origin side is TLS 1.2 only (bucket policy).',
      });
    }
  }
}
