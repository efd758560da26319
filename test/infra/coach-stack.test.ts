import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { OUTPUT_KEYS } from '../../infra/stack-outputs';
import { AUDIO_BASE_URL } from '../../lambda/audio/env';
import { AUDIO_MANIFEST_BUNDLE_FILE } from '../../lambda/audio/source';
import { PARTITION_KEY, TTL_ATTRIBUTE } from '../../lambda/persistence/table';
import { bundleSkillSync, CREDENTIAL_CHAIN_FILE } from '../../tools/build';
import {
  AUDIO_FIXTURE_FILES,
  type SynthesisedCoachApp,
  synthCoachApp,
  TEST_SKILL_ID,
  violationsIn,
  writeAudioFixture,
} from './synth-coach-app';

/** Strings only the SDK's default credential chain holds: SSO, web identity, process, container. */
const CHAIN_MARKERS = ['fromSSO', 'fromTokenFile', 'credential_process', 'AWS_CONTAINER_CREDENTIALS_FULL_URI'];

/** The files of the skill's bundle (tools/build.ts): index.js, the chain beside it, and their maps. */
const BUNDLE_FILES = ['index.js', 'index.js.map', CREDENTIAL_CHAIN_FILE, `${CREDENTIAL_CHAIN_FILE}.map`];

type Resources = Record<string, { Type: string; Properties?: Record<string, unknown>; [key: string]: unknown }>;

function onlyResource(template: Template, type: string): { logicalId: string; resource: Resources[string] } {
  const found = Object.entries(template.findResources(type) as Resources);
  expect(found).toHaveLength(1);
  const [logicalId, resource] = found[0] ?? [];
  if (logicalId === undefined || resource === undefined) throw new Error(`no ${type}`);
  return { logicalId, resource };
}

function asArray<T>(value: T | T[] | undefined): T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
}

/** The skill function's properties (a stack that uploads audio has the upload's Python function too). */
function skillProperties(template: Template): Record<string, unknown> {
  const skill = Object.values(template.findResources('AWS::Lambda::Function') as Resources).find(
    (f) => f.Properties?.Runtime === 'nodejs22.x',
  );
  if (skill?.Properties === undefined) throw new Error('no skill function');
  return skill.Properties;
}

/** The folder of the skill function's bundled asset in the cloud assembly. */
function skillAssetDir(synthesised: SynthesisedCoachApp, template: Template): string {
  const code = skillProperties(template).Code as { S3Key: string };
  return path.join(synthesised.assembly.directory, `asset.${code.S3Key.replace(/\.zip$/, '')}`);
}

let synthesised: SynthesisedCoachApp;
let template: Template;
let functionId: string;
let tableId: string;

beforeAll(() => {
  // Prepare: one synthesis (esbuild runs for real) shared by every assertion in this file.
  synthesised = synthCoachApp();
  template = synthesised.template;
  functionId = onlyResource(template, 'AWS::Lambda::Function').logicalId;
  tableId = onlyResource(template, 'AWS::DynamoDB::Table').logicalId;
});

describe('skill function', () => {
  it('runs Node.js 22 on arm64 with a 7 s timeout and 512 MB', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      Timeout: 7,
      MemorySize: 512,
      Handler: 'index.handler',
    });
  });

  it(`gets the table name and the skill id from its environment, no NODE_OPTIONS, and no ${AUDIO_BASE_URL} without rendered audio`, () => {
    const { resource } = onlyResource(template, 'AWS::Lambda::Function');
    expect((resource.Properties?.Environment as { Variables?: unknown } | undefined)?.Variables).toEqual({
      TABLE_NAME: { Ref: tableId },
      SKILL_ID: TEST_SKILL_ID,
    });
  });

  it('is the only function in the stack without rendered audio (no log-retention or other helpers)', () => {
    template.resourceCountIs('AWS::Lambda::Function', 1);
  });

  it('logs to its own log group kept for one month', () => {
    const { logicalId } = onlyResource(template, 'AWS::Logs::LogGroup');
    template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 30 });
    template.hasResourceProperties('AWS::Lambda::Function', { LoggingConfig: { LogGroup: { Ref: logicalId } } });
  });

  it('may be invoked by the Alexa Skills Kit for this skill only', () => {
    const { resource } = onlyResource(template, 'AWS::Lambda::Permission');
    expect(resource.Properties).toEqual({
      Action: 'lambda:InvokeFunction',
      Principal: 'alexa-appkit.amazon.com',
      EventSourceToken: TEST_SKILL_ID,
      FunctionName: { 'Fn::GetAtt': [functionId, 'Arn'] },
    });
  });

  it('ships a minified bundle with the AWS SDK and a source map, and no render manifest without rendered audio', () => {
    const assetDir = skillAssetDir(synthesised, template);
    expect(fs.readdirSync(assetDir).sort()).toEqual([...BUNDLE_FILES].sort());
    const bundle = fs.readFileSync(path.join(assetDir, 'index.js'), 'utf8');
    // Booleans, not toContain: a failure would otherwise print the whole 700 KB bundle.
    expect(/\/\/# sourceMappingURL=index\.js\.map\s*$/.test(bundle)).toBe(true);
    // The DynamoDB JSON protocol's target prefix: present only if @aws-sdk/client-dynamodb is bundled.
    expect(bundle.includes('DynamoDB_20120810')).toBe(true);
    // Nothing the handler imports is left for the runtime to resolve.
    const leftExternal = ['@aws-sdk/client-dynamodb', '@aws-sdk/util-dynamodb', 'ask-sdk-core'].filter(
      (pkg) => bundle.includes(`require("${pkg}")`) || bundle.includes(`require('${pkg}')`),
    );
    expect(leftExternal).toEqual([]);
    // Minified: a handful of very long lines (unminified esbuild output averages ~40 characters a line).
    expect(bundle.length / bundle.split('\n').length).toBeGreaterThan(2000);
  });

  it(`leaves the default credential chain out of index.js, in ${CREDENTIAL_CHAIN_FILE} beside it`, () => {
    const assetDir = skillAssetDir(synthesised, template);
    const index = fs.readFileSync(path.join(assetDir, 'index.js'), 'utf8');
    const chain = fs.readFileSync(path.join(assetDir, CREDENTIAL_CHAIN_FILE), 'utf8');
    expect(CHAIN_MARKERS.filter((marker) => index.includes(marker))).toEqual([]);
    expect(CHAIN_MARKERS.filter((marker) => chain.includes(marker))).toEqual(CHAIN_MARKERS);
    // The stand-in that loads it on first use, by its file name beside index.js.
    expect(index.includes(`"${CREDENTIAL_CHAIN_FILE}"`)).toBe(true);
  });

  it('ships the very index.js that npm run build makes (tools/build.ts), with a map of mappings only', () => {
    const assetDir = skillAssetDir(synthesised, template);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'skill-bundle-'));
    try {
      bundleSkillSync(path.join(dir, 'index.js'));
      // Booleans, not toBe on the text: a failure would otherwise print two 700 KB bundles.
      for (const file of ['index.js', CREDENTIAL_CHAIN_FILE]) {
        expect([
          file,
          fs.readFileSync(path.join(assetDir, file)).equals(fs.readFileSync(path.join(dir, file))),
        ]).toEqual([file, true]);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    const map = JSON.parse(fs.readFileSync(path.join(assetDir, 'index.js.map'), 'utf8')) as {
      sources: string[];
      sourcesContent?: unknown;
    };
    expect(map.sourcesContent).toBeUndefined();
    expect(map.sources.some((source) => /(^|\/)lambda\/handlers\/[\w-]+\.ts$/.test(source))).toBe(true);
  });
});

describe('users table', () => {
  it('is keyed by the store partition key, on demand, with PITR, TTL and AWS-managed encryption', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [{ AttributeName: PARTITION_KEY, KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: PARTITION_KEY, AttributeType: 'S' }],
      BillingMode: 'PAY_PER_REQUEST',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      TimeToLiveSpecification: { AttributeName: TTL_ATTRIBUTE, Enabled: true },
      SSESpecification: { SSEEnabled: true },
    });
  });

  it('has no sort key and no secondary indexes', () => {
    const { resource } = onlyResource(template, 'AWS::DynamoDB::Table');
    expect(resource.Properties?.KeySchema).toHaveLength(1);
    expect(resource.Properties?.GlobalSecondaryIndexes).toBeUndefined();
    expect(resource.Properties?.LocalSecondaryIndexes).toBeUndefined();
  });

  it('is retained when the stack is deleted or the table replaced', () => {
    const { resource } = onlyResource(template, 'AWS::DynamoDB::Table');
    expect(resource.DeletionPolicy).toBe('Retain');
    expect(resource.UpdateReplacePolicy).toBe('Retain');
  });
});

describe('least privilege', () => {
  function roleStatements(): Statement[] {
    const { logicalId: roleId, resource: role } = onlyResource(template, 'AWS::IAM::Role');
    const inline = asArray(role.Properties?.Policies as { PolicyDocument: { Statement: Statement[] } }[] | undefined);
    const attached = Object.values(template.findResources('AWS::IAM::Policy') as Resources).filter((policy) =>
      JSON.stringify(policy.Properties?.Roles).includes(roleId),
    );
    return [...inline, ...attached.map((p) => p.Properties as { PolicyDocument: { Statement: Statement[] } })].flatMap(
      (p) => p.PolicyDocument.Statement,
    );
  }

  it('lets the function GetItem, PutItem, UpdateItem and DeleteItem on its table, and nothing more', () => {
    const dynamo = roleStatements().filter((s) => asArray(s.Action).some((a) => a.startsWith('dynamodb:')));
    const actions = new Set(dynamo.flatMap((s) => asArray(s.Action)));
    expect(actions).toEqual(
      new Set(['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem']),
    );
    for (const statement of dynamo) {
      expect(statement.Effect).toBe('Allow');
      expect(statement.Resource).toEqual({ 'Fn::GetAtt': [tableId, 'Arn'] });
    }
  });

  it('grants only log writes besides, to its own log group, and attaches no managed policy', () => {
    const { logicalId: logGroupId } = onlyResource(template, 'AWS::Logs::LogGroup');
    const others = roleStatements().filter((s) => !asArray(s.Action).some((a) => a.startsWith('dynamodb:')));
    expect(new Set(others.flatMap((s) => asArray(s.Action)))).toEqual(
      new Set(['logs:CreateLogStream', 'logs:PutLogEvents']),
    );
    for (const statement of others) expect(statement.Resource).toEqual({ 'Fn::GetAtt': [logGroupId, 'Arn'] });
    const role = onlyResource(template, 'AWS::IAM::Role').resource;
    expect(role.Properties?.ManagedPolicyArns).toBeUndefined();
  });
});

describe('alarms', () => {
  function metricNames(alarm: Resources[string]): string[] {
    const props = alarm.Properties ?? {};
    if (typeof props.MetricName === 'string') return [props.MetricName];
    const metrics = (props.Metrics ?? []) as { MetricStat?: { Metric: { MetricName: string } } }[];
    return [...new Set(metrics.flatMap((m) => (m.MetricStat ? [m.MetricStat.Metric.MetricName] : [])))];
  }

  it('watches function errors, throttles and p99 duration, and DynamoDB system errors and throttling', () => {
    const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm') as Resources);
    expect(alarms).toHaveLength(5);
    expect(alarms.map(metricNames).sort()).toEqual([
      ['Duration'],
      ['Errors'],
      ['SystemErrors'],
      ['ThrottledRequests'],
      ['Throttles'],
    ]);
    expect(JSON.stringify(alarms)).not.toContain('UserErrors');
  });

  it('raises the duration alarm when p99 passes 5 s, before the 7 s timeout', () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'Duration',
      ExtendedStatistic: 'p99',
      Threshold: 5000,
      ComparisonOperator: 'GreaterThanThreshold',
    });
  });

  it('covers every operation the store performs in the DynamoDB alarms', () => {
    const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm') as Resources);
    for (const alarm of alarms.filter((a) => a.Properties?.Metrics !== undefined)) {
      const metrics = (alarm.Properties?.Metrics ?? []) as { MetricStat?: { Metric: { Dimensions: unknown[] } } }[];
      const operations = metrics
        .flatMap((m) => m.MetricStat?.Metric.Dimensions ?? [])
        .filter((d): d is { Name: string; Value: string } => (d as { Name: string }).Name === 'Operation')
        .map((d) => d.Value)
        .sort();
      expect(operations).toEqual(['DeleteItem', 'GetItem', 'PutItem', 'UpdateItem']);
    }
  });

  it('has no SNS topic and no alarm actions without alarmEmail', () => {
    template.resourceCountIs('AWS::SNS::Topic', 0);
    template.allResourcesProperties('AWS::CloudWatch::Alarm', { AlarmActions: Match.absent() });
  });
});

describe('outputs', () => {
  it('exports the function ARN for the skill package, the table name and the audio origin and bucket', () => {
    template.hasOutput(OUTPUT_KEYS.functionArn, { Value: { 'Fn::GetAtt': [functionId, 'Arn'] } });
    template.hasOutput(OUTPUT_KEYS.tableName, { Value: { Ref: tableId } });
    expect(Object.keys(template.toJSON().Outputs).sort()).toEqual(
      [OUTPUT_KEYS.functionArn, OUTPUT_KEYS.tableName, OUTPUT_KEYS.audioBaseUrl, OUTPUT_KEYS.audioBucketName].sort(),
    );
  });
});

describe('cdk-nag AwsSolutions', () => {
  it('reports no unacknowledged finding in the validation report', () => {
    expect(violationsIn(synthesised.validationReport)).toEqual([]);
  });

  it('leaves no AwsSolutions error or warning annotation', () => {
    const { annotations } = synthesised;
    expect(annotations.findError('*', Match.stringLikeRegexp('AwsSolutions-.*'))).toEqual([]);
    expect(annotations.findWarning('*', Match.stringLikeRegexp('AwsSolutions-.*'))).toEqual([]);
  });

  it('gives a written reason for every acknowledged rule', () => {
    const resources = template.toJSON().Resources as Resources;
    const acknowledged = Object.values(resources).flatMap(
      (r) =>
        ((r.Metadata as { cdk_nag?: { rules_to_suppress: { id: string; reason: string }[] } } | undefined)?.cdk_nag
          ?.rules_to_suppress ?? []) as { id: string; reason: string }[],
    );
    expect(acknowledged.map((a) => a.id)).toContain('AwsSolutions-L1');
    for (const { reason } of acknowledged) expect(reason.length).toBeGreaterThan(40);
  });
});

describe('skill function with rendered audio', () => {
  let audioDir: string;
  let withAudio: SynthesisedCoachApp;

  beforeAll(() => {
    // Prepare: a small rendered catalogue and a second bundled synthesis (esbuild and the copy run).
    audioDir = writeAudioFixture();
    withAudio = synthCoachApp({ audioDir });
  });

  afterAll(() => fs.rmSync(audioDir, { recursive: true, force: true }));

  it(`bundles the render's manifest beside index.js as ${AUDIO_MANIFEST_BUNDLE_FILE}, byte for byte`, () => {
    const assetDir = skillAssetDir(withAudio, withAudio.template);
    expect(fs.readdirSync(assetDir).sort()).toEqual([...BUNDLE_FILES, AUDIO_MANIFEST_BUNDLE_FILE].sort());
    const index = fs.readFileSync(path.join(assetDir, 'index.js'), 'utf8');
    expect(CHAIN_MARKERS.filter((marker) => index.includes(marker))).toEqual([]);
    expect(fs.readFileSync(path.join(assetDir, AUDIO_MANIFEST_BUNDLE_FILE), 'utf8')).toBe(
      AUDIO_FIXTURE_FILES['manifest.json'],
    );
  });

  it(`passes the distribution's HTTPS origin as ${AUDIO_BASE_URL}`, () => {
    const distributionId = onlyResource(withAudio.template, 'AWS::CloudFront::Distribution').logicalId;
    expect((skillProperties(withAudio.template).Environment as { Variables?: unknown }).Variables).toEqual({
      TABLE_NAME: expect.anything(),
      SKILL_ID: TEST_SKILL_ID,
      [AUDIO_BASE_URL]: { 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [distributionId, 'DomainName'] }]] },
    });
  });

  it('ships another asset than the one without audio: a new render deploys new code', () => {
    const keyOf = (t: Template) => (skillProperties(t).Code as { S3Key: string }).S3Key;
    expect(keyOf(withAudio.template)).not.toBe(keyOf(template));
  });
});
