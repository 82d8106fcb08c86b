/**
 * A role whose every grant lands in one customer-managed policy instead of an inline
 * `DefaultPolicy`: NIST 800-53 R5 (IAMNoInlinePolicy) and Control Tower both flag inline
 * policies, and CDK's `grant*` helpers (event sources, KMS, EventBridge, X-Ray) all go through
 * `addToPrincipalPolicy`, so redirecting that one method covers them all.
 */
import * as iam from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';

export class ManagedPolicyRole extends iam.Role {
  readonly policy: iam.ManagedPolicy;

  constructor(scope: Construct, id: string, props: iam.RoleProps) {
    super(scope, id, props);
    this.policy = new iam.ManagedPolicy(this, 'Policy', { roles: [this], description: props.description });
  }

  override addToPrincipalPolicy(statement: iam.PolicyStatement): iam.AddToPrincipalPolicyResult {
    this.policy.addStatements(statement);
    return { statementAdded: true, policyDependable: this.policy };
  }
}
