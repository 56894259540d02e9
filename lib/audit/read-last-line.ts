import { open } from 'node:fs/promises';

const TAIL_BYTES = 64 * 1024;

/** The last line of a text file (each line ends with a newline), or null for a missing or empty file. */
export async function readLastLine(file: string): Promise<string | null> {
  const handle = await open(file, 'r').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (!handle) return null;
  try {
    const { size } = await handle.stat();
    for (let length = Math.min(size, TAIL_BYTES); length > 0; length = Math.min(size, length * 2)) {
      const buffer = Buffer.alloc(length);
      await handle.read(buffer, 0, length, size - length);
      const text = buffer.toString('utf8').replace(/\n$/, '');
      const start = text.lastIndexOf('\n');
      if (start >= 0 || length === size) return text.slice(start + 1) || null;
    }
    return null;
  } finally {
    await handle.close();
  }
}
