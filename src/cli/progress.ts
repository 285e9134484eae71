// A progress line on standard error: only on a terminal, only once the work has taken a second.

/** Reports progress; `done()` clears the line. */
export interface Progress {
  update(message: string): void;
  done(): void;
}

/**
 * A progress reporter writing `\r`-rewritten lines to `stream` when it is a terminal and more
 * than `delayMs` have passed since it was made; silent otherwise (piped output stays clean).
 *
 * @example
 * const progress = createProgress(process.stderr);
 * progress.update('read 120/1000 files');
 * progress.done();
 */
export function createProgress(stream: NodeJS.WriteStream, delayMs = 1000, now: () => number = Date.now): Progress {
  const started = now();
  let shown = false;
  let last = 0;
  const enabled = stream.isTTY === true;
  return {
    update(message) {
      if (!enabled) return;
      const t = now();
      if (t - started < delayMs || t - last < 100) return;
      last = t;
      shown = true;
      const width = Math.max(20, (stream.columns ?? 80) - 1);
      stream.write(`\r\u001b[2K${`corroborate: ${message}`.slice(0, width)}`);
    },
    done() {
      if (shown) stream.write('\r\u001b[2K');
      shown = false;
    },
  };
}
