import { env } from '@/lib/env.js';

/** The largest load file an upload may carry (LOAD_UPLOAD_MAX_MB). */
export const uploadCeilingBytes = () => env.LOAD_UPLOAD_MAX_MB * 2 ** 20;

/** What the sender of a file over the ceiling is told. */
export const tooLargeMessage = (ceilingBytes: number) =>
  `The file is larger than the ${ceilingBytes >= 2 ** 20 ? `${Math.floor(ceilingBytes / 2 ** 20)} MiB` : `${Math.floor(ceilingBytes / 1024)} KiB`} an upload may be: split it into smaller files, or send it with the command-line loader. Nothing was kept.`;
