/** CDK app entry (`cdk.json`: `npx tsx infra/app.ts`): the stack, checked by cdk-nag's AwsSolutions rules. */
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { BriefingStack } from './briefing-stack';
import { readContext } from './context';

const app = new App();
Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
new BriefingStack(app, app.node.tryGetContext('stackName') ?? 'BriefingPipeline', {
  context: readContext(app),
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
});
app.synth();
