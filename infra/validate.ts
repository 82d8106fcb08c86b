/** Prop checks shared by the constructs; a token (resolved only at deploy time) passes unchecked. */
import { Token } from 'aws-cdk-lib';

export function assertEmail(owner: string, name: string, value: string | undefined): void {
  if (value === undefined || Token.isUnresolved(value)) return;
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value)) throw new Error(`${owner}: ${name} "${value}" is not an e-mail address`);
}
