/**
 * `briefing redrive` as a user runs it. SQS cannot run here, so a local HTTP endpoint speaks
 * SQS's JSON protocol to the real SDK client (a fault-free stand-in for the service); the test
 * checks the calls the command makes and what it prints.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli';

const DLQ_ARN = 'arn:aws:sqs:eu-west-1:123456789012:BriefingPipeline-ExtractDeadLetterQueue-AbC';
const calls: Array<{ action: string; body: Record<string, unknown> }> = [];
let messages = 4;
let taskStatus = 'COMPLETED';
let server: Server;
let endpoint: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => { body += chunk; });
    request.on('end', () => {
      const action = String(request.headers['x-amz-target']).replace('AmazonSQS.', '');
      calls.push({ action, body: JSON.parse(body || '{}') });
      const answers: Record<string, unknown> = {
        GetQueueUrl: { QueueUrl: `${endpoint}/123456789012/BriefingPipeline-ExtractDeadLetterQueue-AbC` },
        GetQueueAttributes: { Attributes: { QueueArn: DLQ_ARN, ApproximateNumberOfMessages: String(messages) } },
        StartMessageMoveTask: { TaskHandle: 'task-1' },
        ListMessageMoveTasks: { Results: [{ Status: taskStatus, ApproximateNumberOfMessagesMoved: messages, FailureReason: taskStatus === 'FAILED' ? 'AccessDenied' : undefined }] },
      };
      response.writeHead(200, { 'content-type': 'application/x-amz-json-1.0' }).end(JSON.stringify(answers[action] ?? {}));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  calls.length = 0;
  messages = 4;
  taskStatus = 'COMPLETED';
});

const env = { AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test', AWS_REGION: undefined, AWS_PROFILE: undefined };

describe('briefing redrive', () => {
  it('starts a message-move task from the dead-letter queue back to its source and waits for it', async () => {
    const result = await runCli(['redrive', DLQ_ARN, '--wait', '--poll-seconds', '0.1', '--rate', '10', '--sqs-endpoint', endpoint], { env });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(calls.map((c) => c.action)).toEqual(['GetQueueUrl', 'GetQueueAttributes', 'StartMessageMoveTask', 'ListMessageMoveTasks']);
    expect(calls[0]!.body).toEqual({ QueueName: 'BriefingPipeline-ExtractDeadLetterQueue-AbC', QueueOwnerAWSAccountId: '123456789012' });
    // No destination: SQS moves each message back to the queue it was dead-lettered from.
    expect(calls[2]!.body).toEqual({ SourceArn: DLQ_ARN, MaxNumberOfMessagesPerSecond: 10 });
    expect(result.stdout).toMatch(/^moving about 4 message\(s\) from arn:aws:sqs:eu-west-1:.+ to the queue each message came from \(task task-1\)\ndone: 4 message\(s\) moved\n$/);
  });

  it('says so when the queue is empty, and moves nothing', async () => {
    messages = 0;
    const result = await runCli(['redrive', `https://sqs.eu-west-1.amazonaws.com/123456789012/BriefingPipeline-ExtractDeadLetterQueue-AbC`, '--sqs-endpoint', endpoint], { env });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^nothing to redrive: .+ is empty$/m);
    expect(calls.map((c) => c.action)).toEqual(['GetQueueAttributes']);
  });

  it('exits 1 with the reason when the move fails, and 2 for something that is not a queue', async () => {
    taskStatus = 'FAILED';
    const failed = await runCli(['redrive', DLQ_ARN, '--wait', '--poll-seconds', '0.1', '--sqs-endpoint', endpoint], { env });
    expect(failed.code).toBe(1);
    expect(failed.stderr.trim()).toMatch(/^error: arn:aws:sqs:.+: the move task failed after 4 message\(s\): AccessDenied$/);
    const usage = await runCli(['redrive', 'my-queue'], { env });
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/is not an SQS queue ARN or URL/);
  });
});
