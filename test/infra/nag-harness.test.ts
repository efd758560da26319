// Negative control: shows the cdk-nag wiring used by defineCoachApp really fails synthesis on a
// finding, so "no violations" in coach-stack.test.ts means something. No bundling here.
import { App, Stack, Validations } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import { AwsSolutionsChecks } from 'cdk-nag';
import { cdkJsonContext } from './synth-coach-app';

describe('cdk-nag harness', () => {
  it('fails synthesis on an unacknowledged AwsSolutions finding', () => {
    // Prepare: a table without point-in-time recovery (AwsSolutions-DDB3).
    const app = new App({ context: cdkJsonContext() });
    const stack = new Stack(app, 'Control');
    new dynamodb.Table(stack, 'Table', { partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING } });
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));

    // Act / Assess
    expect(() => app.synth()).toThrow(/AwsSolutions-DDB3/);
  });

  it('passes once the finding is acknowledged with a reason', () => {
    const app = new App({ context: cdkJsonContext() });
    const stack = new Stack(app, 'Control');
    const table = new dynamodb.Table(stack, 'Table', {
      partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING },
    });
    Validations.of(table).acknowledge({ id: 'AwsSolutions-DDB3', reason: 'Control case for the harness test.' });
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));

    expect(() => app.synth()).not.toThrow();
  });
});
