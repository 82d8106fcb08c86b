/**
 * The local pipeline's address and bucket names, as plain constants: `briefing submit --help`
 * names them without loading the S3 server, the handlers or the AWS SDK.
 */
export const DEFAULT_PORT = 4569;
export const INPUT_BUCKET = 'articles';
export const OUTPUT_BUCKET = 'briefings';
