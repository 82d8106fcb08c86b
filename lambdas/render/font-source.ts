/**
 * Where a font's bytes come from. The renderer reads a face's file in pieces, as it needs them:
 * the small tables it measures with when the face is opened, and the glyph outlines only when a
 * document embeds them. Read whole, the two DejaVu files were 1.4 MB copied into fresh memory at
 * every cold start, most of it outlines of glyphs no briefing draws: reading them took about 7 ms
 * and 370 page faults in a fresh process here, and the cold whole path has 500 fewer faults
 * without it.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

export interface FontBytes {
  /** The file's length in bytes. */
  readonly length: number;
  /** `length` bytes from `offset`; the caller never writes to them. */
  read(offset: number, length: number): Uint8Array;
}

/** A font already in memory (tests, a font given as bytes). */
export const fontBytesOf = (data: Uint8Array): FontBytes => ({
  length: data.length,
  read: (offset, length) => data.subarray(offset, offset + length),
});

/** A font file being read; `close` when the face that reads it is given up. */
export interface FontFile extends FontBytes {
  close(): void;
}

/**
 * A font file read piece by piece. Its descriptor stays open for the life of the process, as the
 * face that reads it does (fonts.ts opens each face once, and closes the file of one it refuses).
 */
export function fontFile(path: string): FontFile {
  const fd = openSync(path, 'r');
  const { size } = fstatSync(fd);
  return {
    length: size,
    close: () => closeSync(fd),
    read(offset, length) {
      const out = new Uint8Array(length);
      for (let done = 0; done < length;) {
        const n = readSync(fd, out, done, length - done, offset + done);
        if (n === 0) throw new Error(`${path}: the file ends at byte ${offset + done}, ${length} bytes were to be read from byte ${offset}`);
        done += n;
      }
      return out;
    },
  };
}
