import { RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { PARTITION_KEY, TTL_ATTRIBUTE } from '../lambda/persistence/table';

/**
 * The only item-level actions the store performs. Conditional writes need nothing more;
 * Scan, Query, batch and Describe actions are deliberately absent.
 */
export const USER_ITEM_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
] as const;

/** Properties of {@link UserTable}. */
export interface UserTableProps {
  /**
   * What CloudFormation does with the table when it leaves the stack. Users' preferences and
   * progress outlive a `cdk destroy` unless someone deletes the table on purpose.
   *
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
}

/**
 * The table of users' preferences and progress: one item per user, keyed by a hash of the
 * Alexa userId (see lambda/persistence/table.ts, which the store and this construct share).
 */
export class UserTable extends Construct {
  /**
   * `dynamodb.Table` (AWS::DynamoDB::Table) rather than `TableV2` (AWS::DynamoDB::GlobalTable):
   * the skill serves one country from one Region, so replicas buy nothing, and the plain table
   * is the resource the store, the console and the cost model describe. Moving between the two
   * later is a table replacement (data migration), so the choice is deliberate, not a default.
   */
  public readonly table: dynamodb.Table;

  constructor(scope: Construct, id: string, props: UserTableProps = {}) {
    super(scope, id);
    this.table = new dynamodb.Table(this, 'Table', {
      partitionKey: { name: PARTITION_KEY, type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      timeToLiveAttribute: TTL_ATTRIBUTE,
      encryption: dynamodb.TableEncryption.AWS_MANAGED,
      removalPolicy: props.removalPolicy ?? RemovalPolicy.RETAIN,
    });
  }

  /**
   * Lets `grantee` read, write and delete single items, and nothing else. Written as an explicit
   * statement because `grantReadWriteData` also grants Scan, Query, batch and Describe actions.
   */
  public grantItemAccess(grantee: iam.IGrantable): iam.AddToPrincipalPolicyResult {
    return grantee.grantPrincipal.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'UserItemReadWrite',
        effect: iam.Effect.ALLOW,
        actions: [...USER_ITEM_ACTIONS],
        resources: [this.table.tableArn],
      }),
    );
  }
}
