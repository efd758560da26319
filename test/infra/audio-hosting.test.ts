import * as fs from 'node:fs';
import * as path from 'node:path';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { findRenderedAudio } from '../../infra/audio-source';
import { bucketDeploymentWildcards } from '../../infra/audio-upload';
import { audioWarning } from '../../infra/coach-app';
import { AUDIO_WARNING_ID } from '../../infra/coach-stack';
import { OUTPUT_KEYS } from '../../infra/stack-outputs';
import { AUDIO_BASE_URL } from '../../lambda/audio/env';
import {
  AUDIO_FIXTURE_FILES,
  annotationsIn,
  NO_AUDIO_DIR,
  type SynthesisedCoachApp,
  synthCoachApp,
  violationsIn,
  writeAudioFixture,
} from './synth-coach-app';

type Resource = { Type: string; Properties?: Record<string, unknown>; DependsOn?: string[]; [key: string]: unknown };
type Resources = Record<string, Resource>;

interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
  Principal?: unknown;
  Condition?: unknown;
}

const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;
/** CloudFront's managed SecurityHeadersPolicy. */
const SECURITY_HEADERS_POLICY_ID = '67f7725c-6f97-4210-82d7-5512b31e9d03';

function propsOf(resource: Resource | undefined): Record<string, unknown> {
  return resource?.Properties ?? {};
}

function asArray<T>(value: T | T[] | undefined): T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

function only(template: Template, type: string): [string, Resource] {
  const found = Object.entries(template.findResources(type) as Resources);
  expect(found).toHaveLength(1);
  const entry = found[0];
  if (entry === undefined) throw new Error(`no ${type}`);
  return entry;
}

/** The logical ids of the audio bucket and of its access-log bucket, told apart by the logging link. */
function buckets(template: Template): { audioId: string; logsId: string } {
  const all = Object.entries(template.findResources('AWS::S3::Bucket') as Resources);
  expect(all).toHaveLength(2);
  const audio = all.find(([, r]) => r.Properties?.LoggingConfiguration !== undefined);
  const logs = all.find(([, r]) => r.Properties?.LoggingConfiguration === undefined);
  if (audio === undefined || logs === undefined) throw new Error('expected an audio bucket that logs to another');
  return { audioId: audio[0], logsId: logs[0] };
}

function bucketPolicyStatements(template: Template, bucketId: string): Statement[] {
  const policies = Object.values(template.findResources('AWS::S3::BucketPolicy') as Resources).filter(
    (p) => JSON.stringify(p.Properties?.Bucket) === JSON.stringify({ Ref: bucketId }),
  );
  expect(policies).toHaveLength(1);
  return (propsOf(policies[0]).PolicyDocument as { Statement: Statement[] }).Statement;
}

function deployments(template: Template): Resource[] {
  return Object.values(template.findResources('Custom::CDKBucketDeployment') as Resources);
}

function acknowledged(template: Template): { id: string; reason: string }[] {
  const seen = new Map<string, string>();
  for (const r of Object.values(template.toJSON().Resources as Resources)) {
    const rules = (r.Metadata as { cdk_nag?: { rules_to_suppress: { id: string; reason: string }[] } } | undefined)
      ?.cdk_nag?.rules_to_suppress;
    for (const rule of rules ?? []) seen.set(rule.id, rule.reason);
  }
  return [...seen].map(([id, reason]) => ({ id, reason }));
}

describe('with rendered audio', () => {
  let audioDir: string;
  let synthesised: SynthesisedCoachApp;
  let template: Template;
  let audioId: string;
  let logsId: string;
  let distributionId: string;

  beforeAll(() => {
    // Prepare: a small rendered catalogue; one synthesis without esbuild (the bundle is
    // coach-stack.test.ts's concern) shared by every assertion here.
    audioDir = writeAudioFixture();
    synthesised = synthCoachApp({ audioDir }, { bundle: false });
    template = synthesised.template;
    ({ audioId, logsId } = buckets(template));
    distributionId = only(template, 'AWS::CloudFront::Distribution')[0];
  });

  afterAll(() => fs.rmSync(audioDir, { recursive: true, force: true }));

  describe('buckets', () => {
    it.each([
      ['audio', () => audioId],
      ['access-log', () => logsId],
    ])('the %s bucket is encrypted, blocks all public access, has ACLs disabled, and is retained', (_name, id) => {
      const bucket = (template.toJSON().Resources as Resources)[id()];
      expect(bucket?.Properties).toMatchObject({
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
        },
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
        OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
      });
      expect(bucket?.DeletionPolicy).toBe('Retain');
    });

    it.each([
      ['audio', () => audioId],
      ['access-log', () => logsId],
    ])('the %s bucket policy denies every request without TLS, or with TLS older than 1.2', (_name, id) => {
      const statements = bucketPolicyStatements(template, id());
      const denies = statements.filter((s) => s.Effect === 'Deny');
      expect(denies).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            Action: 's3:*',
            Principal: { AWS: '*' },
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
          expect.objectContaining({
            Action: 's3:*',
            Principal: { AWS: '*' },
            Condition: { NumericLessThan: { 's3:TlsVersion': 1.2 } },
          }),
        ]),
      );
      for (const deny of denies) {
        expect(deny.Resource).toEqual([
          { 'Fn::GetAtt': [id(), 'Arn'] },
          { 'Fn::Join': ['', [{ 'Fn::GetAtt': [id(), 'Arn'] }, '/*']] },
        ]);
      }
    });

    it('lets only this distribution read the audio, by origin access control, and nobody list or write', () => {
      const allows = bucketPolicyStatements(template, audioId).filter((s) => s.Effect === 'Allow');
      expect(allows).toEqual([
        {
          Effect: 'Allow',
          Action: 's3:GetObject',
          Principal: { Service: 'cloudfront.amazonaws.com' },
          Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [audioId, 'Arn'] }, '/*']] },
          Condition: {
            StringEquals: {
              'AWS:SourceArn': {
                'Fn::Join': [
                  '',
                  [
                    'arn:',
                    { Ref: 'AWS::Partition' },
                    ':cloudfront::',
                    { Ref: 'AWS::AccountId' },
                    ':distribution/',
                    { Ref: distributionId },
                  ],
                ],
              },
            },
          },
        },
      ]);
    });

    it('logs audio bucket access to the log bucket, which expires logs after 90 days', () => {
      template.hasResourceProperties('AWS::S3::Bucket', {
        LoggingConfiguration: { DestinationBucketName: { Ref: logsId }, LogFilePrefix: 'audio/' },
      });
      const logs = (template.toJSON().Resources as Resources)[logsId];
      expect(logs?.Properties?.LifecycleConfiguration).toEqual({
        Rules: [{ ExpirationInDays: 90, Status: 'Enabled' }],
      });
      // The logging service writes through the bucket policy, not an ACL.
      const writers = bucketPolicyStatements(template, logsId).filter((s) => s.Effect === 'Allow');
      expect(writers.map((s) => s.Principal)).toEqual([{ Service: 'logging.s3.amazonaws.com' }]);
    });
  });

  describe('distribution', () => {
    it('reads the bucket through origin access control (SigV4 on every request), not a legacy OAI', () => {
      const [oacId, oac] = only(template, 'AWS::CloudFront::OriginAccessControl');
      expect(oac.Properties?.OriginAccessControlConfig).toMatchObject({
        OriginAccessControlOriginType: 's3',
        SigningBehavior: 'always',
        SigningProtocol: 'sigv4',
      });
      template.resourceCountIs('AWS::CloudFront::CloudFrontOriginAccessIdentity', 0);
      template.hasResourceProperties('AWS::CloudFront::Distribution', {
        DistributionConfig: {
          Origins: [
            {
              DomainName: { 'Fn::GetAtt': [audioId, 'RegionalDomainName'] },
              OriginAccessControlId: { 'Fn::GetAtt': [oacId, 'Id'] },
              S3OriginConfig: { OriginAccessIdentity: '' },
            },
          ],
        },
      });
    });

    it('redirects HTTP to HTTPS and allows GET and HEAD only', () => {
      template.hasResourceProperties('AWS::CloudFront::Distribution', {
        DistributionConfig: {
          DefaultCacheBehavior: {
            ViewerProtocolPolicy: 'redirect-to-https',
            AllowedMethods: ['GET', 'HEAD'],
            CachedMethods: ['GET', 'HEAD'],
            ResponseHeadersPolicyId: SECURITY_HEADERS_POLICY_ID,
          },
        },
      });
      const behaviors = JSON.stringify(template.findResources('AWS::CloudFront::Distribution'));
      expect(behaviors).not.toContain('allow-all');
    });

    it('serves HTTP/2 and HTTP/3 over IPv4 and IPv6 from the North America and Europe price class', () => {
      template.hasResourceProperties('AWS::CloudFront::Distribution', {
        DistributionConfig: { HttpVersion: 'http2and3', IPV6Enabled: true, PriceClass: 'PriceClass_100' },
      });
    });

    it('uses the default certificate without a custom domain (see the CFR4 acknowledgement)', () => {
      const [, distribution] = only(template, 'AWS::CloudFront::Distribution');
      const config = distribution.Properties?.DistributionConfig as Record<string, unknown>;
      expect(config.ViewerCertificate).toBeUndefined();
      expect(config.Aliases).toBeUndefined();
    });

    it('caches for a year by the path alone, and honours a shorter max-age the object asks for', () => {
      const [policyId, policy] = only(template, 'AWS::CloudFront::CachePolicy');
      expect(policy.Properties?.CachePolicyConfig).toMatchObject({
        DefaultTTL: ONE_YEAR_SECONDS,
        MaxTTL: ONE_YEAR_SECONDS,
        MinTTL: 0,
        ParametersInCacheKeyAndForwardedToOrigin: {
          CookiesConfig: { CookieBehavior: 'none' },
          HeadersConfig: { HeaderBehavior: 'none' },
          QueryStringsConfig: { QueryStringBehavior: 'none' },
        },
      });
      template.hasResourceProperties('AWS::CloudFront::Distribution', {
        DistributionConfig: { DefaultCacheBehavior: { CachePolicyId: { Ref: policyId } } },
      });
    });
  });

  describe('upload', () => {
    function deployment(include: string): Resource {
      const found = deployments(template).filter((d) => JSON.stringify(d.Properties?.Include) === `["${include}"]`);
      expect(found).toHaveLength(1);
      return found[0] as Resource;
    }

    it('uploads the MP3 files as audio/mpeg, public and immutable for a year', () => {
      expect(deployment('*.mp3').Properties).toMatchObject({
        DestinationBucketName: { Ref: audioId },
        Exclude: ['*'],
        Include: ['*.mp3'],
        SystemMetadata: {
          'content-type': 'audio/mpeg',
          'cache-control': `public, max-age=${ONE_YEAR_SECONDS}, immutable`,
        },
      });
    });

    it('uploads the Now Playing pictures as image/png, public and immutable for a year like the MP3 files', () => {
      expect(deployment('art/*.png').Properties).toMatchObject({
        DestinationBucketName: { Ref: audioId },
        Exclude: ['*'],
        Include: ['art/*.png'],
        SystemMetadata: {
          'content-type': 'image/png',
          'cache-control': `public, max-age=${ONE_YEAR_SECONDS}, immutable`,
        },
      });
    });

    it('uploads the manifest as application/json, cached one minute, after the audio and pictures it names', () => {
      const manifest = deployment('manifest.json');
      expect(manifest.Properties).toMatchObject({
        DestinationBucketName: { Ref: audioId },
        Exclude: ['*'],
        SystemMetadata: { 'content-type': 'application/json', 'cache-control': 'public, max-age=60' },
      });
      const [audioDeploymentId] = Object.entries(template.findResources('Custom::CDKBucketDeployment') as Resources)
        .filter(([, d]) => JSON.stringify(d.Properties?.Include) === '["*.mp3"]')
        .map(([id]) => id);
      expect(manifest.DependsOn).toContain(audioDeploymentId);
      const [artDeploymentId] = Object.entries(template.findResources('Custom::CDKBucketDeployment') as Resources)
        .filter(([, d]) => JSON.stringify(d.Properties?.Include) === '["art/*.png"]')
        .map(([id]) => id);
      expect(artDeploymentId).toBeDefined();
      expect(manifest.DependsOn).toContain(artDeploymentId);
    });

    it('never deletes what an earlier deploy uploaded, and keeps the files if the upload is removed', () => {
      for (const d of deployments(template)) {
        expect(d.Properties?.Prune).toBe(false);
        expect(d.Properties?.RetainOnDelete).toBe(true);
        expect(d.Properties?.OutputObjectKeys).toBe(false);
        // Invalidations are never needed: paths are content hashes.
        expect(d.Properties?.DistributionId).toBeUndefined();
      }
    });

    it('packs the rendered folder as the upload asset', () => {
      const assetDirs = fs
        .readdirSync(synthesised.assembly.directory)
        .map((name) => path.join(synthesised.assembly.directory, name))
        .filter((dir) => fs.existsSync(path.join(dir, 'manifest.json')));
      expect(assetDirs).toHaveLength(1);
      for (const name of Object.keys(AUDIO_FIXTURE_FILES)) {
        expect(fs.existsSync(path.join(assetDirs[0] as string, name))).toBe(true);
      }
    });

    it('warns about files the upload leaves out, and not about the pictures it takes', () => {
      const warnings = synthesised.annotations.findWarning('*', Match.stringLikeRegexp('notes\\.txt'));
      expect(warnings).toHaveLength(1);
      expect(JSON.stringify(warnings)).not.toContain('sole-0123456789abcdef.png');
      expect(JSON.stringify(warnings)).toContain(AUDIO_WARNING_ID);
    });

    it('runs the upload function on arm64 with room in /tmp to unpack the catalogue, logging for a month', () => {
      const uploads = Object.entries(template.findResources('AWS::Lambda::Function') as Resources).filter(([, f]) =>
        String(f.Properties?.Runtime).startsWith('python'),
      );
      expect(uploads).toHaveLength(1);
      expect(uploads[0]?.[1].Properties).toMatchObject({ Architectures: ['arm64'], EphemeralStorage: { Size: 2048 } });
      const logGroupRef = (propsOf(uploads[0]?.[1]).LoggingConfig as { LogGroup: { Ref: string } }).LogGroup.Ref;
      const logGroup = (template.toJSON().Resources as Resources)[logGroupRef];
      expect(logGroup?.Properties?.RetentionInDays).toBe(30);
    });
  });

  describe('skill function', () => {
    const httpsOrigin = () => ({ 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [distributionId, 'DomainName'] }]] });

    it(`gets the distribution's HTTPS origin as ${AUDIO_BASE_URL}, and the stack outputs it`, () => {
      template.hasResourceProperties('AWS::Lambda::Function', {
        Environment: { Variables: { [AUDIO_BASE_URL]: httpsOrigin() } },
      });
      template.hasOutput(OUTPUT_KEYS.audioBaseUrl, { Value: httpsOrigin() });
      template.hasOutput(OUTPUT_KEYS.audioBucketName, { Value: { Ref: audioId } });
    });

    it('is updated only after the audio is uploaded', () => {
      const [, skill] = Object.entries(template.findResources('AWS::Lambda::Function') as Resources).find(
        ([, f]) => f.Properties?.Runtime === 'nodejs22.x',
      ) as [string, Resource];
      for (const id of Object.keys(template.findResources('Custom::CDKBucketDeployment'))) {
        expect(skill.DependsOn).toContain(id);
      }
    });
  });

  describe('least privilege', () => {
    function statementsByRole(): Map<string, Statement[]> {
      const byRole = new Map<string, Statement[]>();
      for (const policy of Object.values(template.findResources('AWS::IAM::Policy') as Resources)) {
        const statements = (propsOf(policy).PolicyDocument as { Statement: Statement[] }).Statement;
        for (const role of propsOf(policy).Roles as { Ref: string }[]) {
          byRole.set(role.Ref, [...(byRole.get(role.Ref) ?? []), ...statements]);
        }
      }
      return byRole;
    }

    function uploadRoleId(): string {
      const upload = Object.values(template.findResources('AWS::Lambda::Function') as Resources).find((f) =>
        String(f.Properties?.Runtime).startsWith('python'),
      );
      return (propsOf(upload).Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
    }

    it('gives the skill function no access to the audio bucket (it only hands out URLs)', () => {
      const skill = Object.values(template.findResources('AWS::Lambda::Function') as Resources).find(
        (f) => f.Properties?.Runtime === 'nodejs22.x',
      );
      const skillRoleId = (propsOf(skill).Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
      const actions = (statementsByRole().get(skillRoleId) ?? []).flatMap((s) => asArray(s.Action));
      expect(actions.filter((a) => a.startsWith('s3:'))).toEqual([]);
    });

    it('has wildcards only in the upload role, exactly the ones BucketDeployment needs', () => {
      const wildcard = (value: unknown) => JSON.stringify(value).includes('*');
      for (const [roleId, statements] of statementsByRole()) {
        if (roleId === uploadRoleId()) continue;
        for (const s of statements)
          expect({ roleId, action: s.Action, wildcard: wildcard(s.Action) }).toMatchObject({
            wildcard: false,
          });
      }
      const upload = statementsByRole().get(uploadRoleId()) ?? [];
      const wildcardActions = new Set(upload.flatMap((s) => asArray(s.Action)).filter((a) => a.includes('*')));
      expect(wildcardActions).toEqual(
        new Set(['s3:GetObject*', 's3:GetBucket*', 's3:List*', 's3:DeleteObject*', 's3:Abort*']),
      );
      // No s3:* and no action outside S3 and the upload's own logs.
      const services = new Set(upload.flatMap((s) => asArray(s.Action)).map((a) => a.split(':')[0]));
      expect(services).toEqual(new Set(['s3', 'logs']));
      expect(upload.flatMap((s) => asArray(s.Action))).not.toContain('s3:*');
    });

    it('scopes the upload role to the audio bucket, the CDK asset bucket and its own log group', () => {
      const upload = statementsByRole().get(uploadRoleId()) ?? [];
      const resources = upload.flatMap((s) => asArray(s.Resource)).map((r) => JSON.stringify(r));
      for (const r of resources) {
        expect(r.includes(audioId) || r.includes('cdk-hnb659fds-assets-') || r.includes('AudioUploadLogGroup')).toBe(
          true,
        );
      }
      expect(resources.some((r) => r === '"*"')).toBe(false);
    });

    it('attaches no managed policy to any role', () => {
      for (const role of Object.values(template.findResources('AWS::IAM::Role') as Resources)) {
        expect(role.Properties?.ManagedPolicyArns).toBeUndefined();
      }
    });
  });

  describe('cdk-nag AwsSolutions', () => {
    it('reports no unacknowledged finding', () => {
      expect(violationsIn(synthesised.validationReport)).toEqual([]);
    });

    it('acknowledges exactly these rules, each with a written reason', () => {
      const rules = acknowledged(template);
      expect(rules.map((r) => r.id).sort()).toEqual(
        [
          'AwsSolutions-CFR1',
          'AwsSolutions-CFR2',
          'AwsSolutions-CFR3',
          'AwsSolutions-CFR4',
          'AwsSolutions-L1',
          'AwsSolutions-S1',
          ...bucketDeploymentWildcards(audioId).map((w) => `AwsSolutions-IAM5[${w}]`),
        ].sort(),
      );
      for (const { reason } of rules) expect(reason.length).toBeGreaterThan(80);
    });

    it('acknowledges S1 on the access-log bucket only; the audio bucket logs', () => {
      const resources = template.toJSON().Resources as Resources;
      const ids = (id: string) =>
        (
          (resources[id]?.Metadata as { cdk_nag?: { rules_to_suppress: { id: string }[] } } | undefined)?.cdk_nag
            ?.rules_to_suppress ?? []
        ).map((r) => r.id);
      expect(ids(logsId)).toEqual(['AwsSolutions-S1']);
      expect(resources[audioId]?.Metadata ?? {}).not.toHaveProperty('cdk_nag');
    });
  });
});

describe('without rendered audio', () => {
  let synthesised: SynthesisedCoachApp;

  beforeAll(() => {
    synthesised = synthCoachApp({ audioDir: NO_AUDIO_DIR }, { bundle: false });
  });

  it(`still creates the bucket and the distribution, but gives the function no ${AUDIO_BASE_URL}: it speaks`, () => {
    synthesised.template.resourceCountIs('AWS::S3::Bucket', 2);
    synthesised.template.resourceCountIs('AWS::CloudFront::Distribution', 1);
    synthesised.template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: { [AUDIO_BASE_URL]: Match.absent() } },
    });
    synthesised.template.hasOutput(OUTPUT_KEYS.audioBaseUrl, { Value: Match.anyValue() });
  });

  it('uploads nothing and says so, with how to render', () => {
    synthesised.template.resourceCountIs('Custom::CDKBucketDeployment', 0);
    synthesised.template.resourceCountIs('AWS::Lambda::Function', 1);
    const warnings = synthesised.annotations.findWarning(
      '*',
      Match.stringLikeRegexp('No rendered audio at .*npm run render.*uploads nothing'),
    );
    expect(warnings).toHaveLength(1);
    expect(annotationsIn(synthesised.validationReport)).toEqual([`Annotation::${AUDIO_WARNING_ID}`]);
    // `cdk synth` prints the same report: the warning is seen, and synthesis does not fail.
    expect(synthesised.synthStderr.join('\n')).toMatch(/WARNING No rendered audio at/);
  });

  it('stays clean under cdk-nag AwsSolutions', () => {
    expect(violationsIn(synthesised.validationReport)).toEqual([]);
  });
});

describe('with a custom audio domain', () => {
  const domain = 'audio.example.com';
  const certificateArn = 'arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-4e5f-6789-abcd-ef0123456789';
  let audioDir: string;
  let synthesised: SynthesisedCoachApp;

  beforeAll(() => {
    audioDir = writeAudioFixture();
    synthesised = synthCoachApp(
      { audioDir, audioDomain: domain, audioCertificateArn: certificateArn },
      { bundle: false },
    );
  });

  afterAll(() => fs.rmSync(audioDir, { recursive: true, force: true }));

  it('serves the domain with its certificate, SNI, and TLS 1.2 at least', () => {
    synthesised.template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: {
        Aliases: [domain],
        ViewerCertificate: {
          AcmCertificateArn: certificateArn,
          MinimumProtocolVersion: 'TLSv1.2_2021',
          SslSupportMethod: 'sni-only',
        },
      },
    });
  });

  it(`passes https://${domain} as ${AUDIO_BASE_URL}`, () => {
    synthesised.template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: { [AUDIO_BASE_URL]: `https://${domain}` } },
    });
    synthesised.template.hasOutput(OUTPUT_KEYS.audioBaseUrl, { Value: `https://${domain}` });
  });

  it('needs no CFR4 acknowledgement and stays clean under cdk-nag', () => {
    expect(violationsIn(synthesised.validationReport)).toEqual([]);
    expect(acknowledged(synthesised.template).map((r) => r.id)).not.toContain('AwsSolutions-CFR4');
  });
});

describe('finding the rendered audio', () => {
  it('reports a missing folder with how to render', () => {
    const found = findRenderedAudio(NO_AUDIO_DIR);
    expect(found).toEqual({ found: false, dir: NO_AUDIO_DIR, reason: expect.stringMatching(/^No rendered audio at/) });
    expect(audioWarning(found)).toMatch(/npm run render.*uploads nothing/);
  });

  it('reports a folder without a manifest as an unfinished render', () => {
    const dir = fs.mkdtempSync(path.join(NO_AUDIO_DIR, '..', 'unfinished-render-'));
    try {
      fs.writeFileSync(path.join(dir, 'a.mp3'), 'ID3');
      expect(findRenderedAudio(dir)).toMatchObject({
        found: false,
        reason: expect.stringMatching(/no manifest\.json/),
      });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('counts the MP3 files in subfolders and the pictures, and lists the files the upload leaves out', () => {
    const dir = writeAudioFixture();
    try {
      const found = findRenderedAudio(dir);
      expect(found).toEqual({
        found: true,
        dir,
        audioFiles: 2,
        unnamedAudioFiles: 0,
        artFiles: 1,
        otherFiles: ['notes.txt'],
      });
      expect(audioWarning(found)).toMatch(
        /^1 file\(s\) in .* are neither audio \(\.mp3\), art \(art\/\*\.png\) nor the manifest .*: notes\.txt\.$/,
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('counts as other files the PNGs outside art/, which the upload leaves out', () => {
    const dir = writeAudioFixture();
    try {
      fs.writeFileSync(path.join(dir, 'cover.png'), 'PNG elsewhere');
      fs.writeFileSync(path.join(dir, 'art', 'sole-0123456789abcdef.txt'), 'not a picture');
      expect(findRenderedAudio(dir)).toMatchObject({
        artFiles: 1,
        otherFiles: ['art/sole-0123456789abcdef.txt', 'cover.png', 'notes.txt'],
      });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('counts MP3 files of earlier renders, which the manifest no longer names, and warns', () => {
    const dir = writeAudioFixture();
    try {
      fs.writeFileSync(path.join(dir, 'foot', '0old00.mp3'), 'ID3 earlier render');
      const found = findRenderedAudio(dir);
      expect(found).toMatchObject({ found: true, audioFiles: 3, unnamedAudioFiles: 1 });
      expect(audioWarning(found)).toMatch(/1 of the 3 MP3 files in .* are not in its manifest .* uploaded too/);
      fs.writeFileSync(path.join(dir, 'manifest.json'), 'not json');
      expect(findRenderedAudio(dir)).toMatchObject({ found: true, unnamedAudioFiles: 0 });
      fs.writeFileSync(path.join(dir, 'manifest.json'), '{"files":null}');
      expect(findRenderedAudio(dir)).toMatchObject({ found: true, unnamedAudioFiles: 0 });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('has nothing to warn about when every file is audio or the manifest, and shortens a long list', () => {
    const audio = { found: true as const, dir: '/x', audioFiles: 3, unnamedAudioFiles: 0, artFiles: 0 };
    expect(audioWarning({ ...audio, otherFiles: [] })).toBeUndefined();
    const many = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    expect(audioWarning({ ...audio, otherFiles: many })).toMatch(/: a, b, c, d, e and 2 more\.$/);
  });
});
