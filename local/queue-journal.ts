/**
 * A local queue's messages on disk, so a crash (kill -9, a power cut of the terminal) loses no
 * acknowledged upload: one JSON line per event — a message sent, received (its receive count,
 * written before the handler runs, so a message that crashes the process still reaches the
 * dead-letter record) and deleted. Lines are written synchronously: a message is on disk before
 * the S3 server answers the upload that produced it.
 *
 * On opening, the file is replayed and rewritten with the live messages only, under a temporary
 * name renamed over it, so the journal never grows past one line per live message plus the
 * events since the last start. A torn last line (the process died mid-write) is ignored.
 */
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

export interface JournalledMessage {
  readonly id: string;
  readonly body: string;
  readonly sentAt: number;
  readonly receiveCount: number;
}

type Entry =
  | { readonly op: 'send'; readonly id: string; readonly body: string; readonly sentAt: number; readonly receiveCount?: number }
  | { readonly op: 'receive'; readonly id: string; readonly receiveCount: number }
  | { readonly op: 'delete'; readonly id: string };

export class QueueJournal {
  private fd: number;
  /** The messages alive when the journal was opened, in the order they were sent. */
  readonly restored: readonly JournalledMessage[];

  constructor(readonly file: string) {
    mkdirSync(dirname(file), { recursive: true });
    this.restored = existsSync(file) ? replay(readFileSync(file, 'utf8')) : [];
    const temporary = `${file}.${process.pid}.tmp`;
    const fd = openSync(temporary, 'w');
    for (const message of this.restored) writeSync(fd, line({ op: 'send', ...message }));
    fsyncSync(fd);
    closeSync(fd);
    renameSync(temporary, file);
    this.fd = openSync(file, 'a');
  }

  sent(id: string, body: string, sentAt: number): void {
    this.append({ op: 'send', id, body, sentAt });
  }

  received(id: string, receiveCount: number): void {
    this.append({ op: 'receive', id, receiveCount });
  }

  deleted(id: string): void {
    this.append({ op: 'delete', id });
  }

  close(): void {
    if (this.fd < 0) return;
    closeSync(this.fd);
    this.fd = -1;
  }

  private append(entry: Entry): void {
    if (this.fd < 0) return;
    writeSync(this.fd, line(entry));
  }
}

const line = (entry: Entry): string => `${JSON.stringify(entry)}\n`;

function replay(text: string): JournalledMessage[] {
  const live = new Map<string, JournalledMessage>();
  for (const raw of text.split('\n')) {
    if (raw === '') continue;
    let entry: Entry;
    try {
      entry = JSON.parse(raw) as Entry;
    } catch {
      continue; // the line the process was writing when it died
    }
    if (entry.op === 'send') live.set(entry.id, { id: entry.id, body: entry.body, sentAt: entry.sentAt, receiveCount: entry.receiveCount ?? 0 });
    else if (entry.op === 'receive') {
      const message = live.get(entry.id);
      if (message) live.set(entry.id, { ...message, receiveCount: entry.receiveCount });
    } else live.delete(entry.id);
  }
  return [...live.values()];
}
