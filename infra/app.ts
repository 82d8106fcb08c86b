/** CDK app entry (`cdk.json`: `npx tsx infra/app.ts`): the stack, checked by cdk-nag's AwsSolutions and NIST 800-53 R5 rules. */
import { App } from 'aws-cdk-lib';
import { BriefingStack } from './briefing-stack';
import { readContext } from './context';
import { addNagChecks } from './nag';

const app = new App();
addNagChecks(app);
new BriefingStack(app, app.node.tryGetContext('stackName') ?? 'BriefingPipeline', {
  context: readContext(app),
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
});
app.synth();
