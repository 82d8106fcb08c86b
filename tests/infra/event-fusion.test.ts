/** The event stage in the synthesized stack: fed through EventBridge, least privilege, no loop. */
import { describe, expect, it } from 'vitest';
import { EVENT_FIGURES_PATTERN, EventFusion } from '../../infra/event-fusion';
import { synthStack } from './synth';

type Resource = { Type: string; Properties: Record<string, any> };

const { template, stack } = synthStack({});
const resources = template.toJSON().Resources as Record<string, Resource>;
const id = (construct: { node: { defaultChild?: unknown } }): string => stack.getLogicalId(construct.node.defaultChild as never);
const fusion = stack.pipeline.eventFusion;
const output = id(stack.pipeline.outputBucket as never);

/** EventBridge's wildcard: `*` stands for any run of characters, `/` included. */
const matches = (pattern: string, key: string): boolean =>
  new RegExp(`^${pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`).test(key);

describe('the event stage in the stack', () => {
  it('has the output bucket send its events to EventBridge and a rule send the figures of event articles to the event queue', () => {
    expect(JSON.stringify(resources[output] ?? {}).length).toBeGreaterThan(0);
    const notifications = Object.values(resources).find((r) => r.Type === 'Custom::S3BucketNotifications' && r.Properties.BucketName.Ref === output)!;
    expect(notifications.Properties.NotificationConfiguration.EventBridgeConfiguration).toEqual({});
    const rule = resources[id(fusion.rule)]!.Properties;
    expect(rule.EventPattern).toEqual({
      source: ['aws.s3'],
      'detail-type': ['Object Created'],
      detail: { bucket: { name: [{ Ref: output }] }, object: { key: [{ wildcard: EVENT_FIGURES_PATTERN }] } },
    });
    expect(rule.Targets).toEqual([expect.objectContaining({ Arn: { 'Fn::GetAtt': [id(fusion.stage.queue), 'Arn'] } })]);
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: { 'Fn::GetAtt': [id(fusion.stage.queue), 'Arn'] },
      FunctionName: { Ref: id(fusion.stage.function) },
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
  });

  it('matches the figures of an event article, never the Event JSON the stage writes (no loop)', () => {
    for (const key of ['figures/events/quake/a.json', 'figures/events/quake/day 2/b.json']) expect(matches(EVENT_FIGURES_PATTERN, key)).toBe(true);
    for (const key of ['figures/events/quake.json', 'figures/2019/idlib.json', 'briefings/events/quake.pdf', 'figures/events/quake/a.pdf']) {
      expect(matches(EVENT_FIGURES_PATTERN, key)).toBe(false);
    }
  });

  it('refuses a stage that runs another handler', () => {
    expect(() => new EventFusion(stack, 'Wrong', { outputBucket: stack.pipeline.outputBucket, stage: stack.pipeline.render })).toThrow(/must run the event handler, not render/);
  });

  it('lets the event function read and write figures/events/ only, and run on the stack defaults', () => {
    const fn = resources[id(fusion.stage.function)]!.Properties;
    expect(fn.Environment.Variables.OUTPUT_BUCKET).toEqual({ Ref: output });
    expect(fn.Timeout).toBe(60);
    expect(fn.MemorySize).toBe(1024);
    const role = fn.Role['Fn::GetAtt'][0] as string;
    const statements = Object.values(resources)
      .filter((r) => r.Type === 'AWS::IAM::ManagedPolicy' && (r.Properties.Roles ?? []).some((x: { Ref: string }) => x.Ref === role))
      .flatMap((r) => r.Properties.PolicyDocument.Statement as Array<{ Action: string | string[]; Resource: unknown }>);
    const on = (action: string) => statements.filter((s) => [s.Action].flat().includes(action)).flatMap((s) => [s.Resource].flat()).map((r) => JSON.stringify(r));
    expect(on('s3:PutObject')).toEqual([JSON.stringify({ 'Fn::Join': ['', [{ 'Fn::GetAtt': [output, 'Arn'] }, '/figures/events/*']] })]);
    expect(on('s3:GetObject')).toEqual(on('s3:PutObject'));
  });
});
