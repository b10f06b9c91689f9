import { Writable } from 'node:stream';
import { createLogger } from '../../src/logger.js';

/** A real logger (redaction and serializers included) writing its JSON lines into memory. */
export function captureLog() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { log: createLogger('info', stream), lines, text: () => lines.join('') };
}
