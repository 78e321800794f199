/**
 * Progress of a long run (a folder, a feed of many articles) on stderr: a bar redrawn in place on a terminal, a
 * plain "label 120/400" line now and then otherwise (logs and pipes get no carriage returns).
 */

const BAR_WIDTH = 24;
/** Fewer items than this finish before a bar is worth drawing. */
const MIN_ITEMS = 5;

export function progressBar(done: number, total: number, width = BAR_WIDTH): string {
  const filled = total > 0 ? Math.round((Math.min(done, total) / total) * width) : width;
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`;
}

export type ProgressStream = Pick<NodeJS.WriteStream, 'write'> & { isTTY?: boolean };

export function progressReporter(label: string, out: ProgressStream = process.stderr) {
  return (done: number, total: number): void => {
    if (total < MIN_ITEMS) return;
    if (out.isTTY) {
      out.write(`\r${label} ${progressBar(done, total)} ${done}/${total}${done >= total ? '\n' : ''}`);
      return;
    }
    const step = Math.min(100, Math.ceil(total / 10));
    if (done % step === 0 || done === total) out.write(`${label} ${done}/${total}\n`);
  };
}
