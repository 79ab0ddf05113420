/**
 * Progress on long work, on standard error: a line that rewrites itself on a terminal, a line
 * per tenth otherwise (a log file or a timer's journal). Counts bytes only, never names.
 */
export function progressReporter(
  label: string,
  total: number,
  out: { write(line: string): unknown; isTTY?: boolean } = process.stderr,
) {
  let done = 0;
  let lastTenth = -1;
  let lastDraw = 0;
  const mib = (n: number) => (n / 1048576).toFixed(1);
  const draw = (final: boolean) => {
    const percent = total === 0 ? 100 : Math.floor((done / total) * 100);
    const text = `${label}: ${mib(done)} of ${mib(total)} MiB (${percent}%)`;
    if (out.isTTY) out.write(`\r${text}${final ? '\n' : ''}`);
    else if (Math.floor(percent / 10) !== lastTenth || final) {
      lastTenth = Math.floor(percent / 10);
      out.write(`${text}\n`);
    }
  };
  return {
    add(bytes: number) {
      done += bytes;
      const now = Date.now();
      if (now - lastDraw >= 500) {
        lastDraw = now;
        draw(false);
      }
    },
    end() {
      done = total;
      draw(true);
    },
  };
}
export type Progress = ReturnType<typeof progressReporter>;
