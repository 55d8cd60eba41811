/** A progress bar on stderr — only when stderr is a terminal and not in CI, so it never pollutes output or logs. */
import cliProgress from 'cli-progress';

export function progressBar(label: string): { update(done: number, total: number): void; stop(): void } {
  const enabled = process.stderr.isTTY === true && !process.env.CI;
  if (!enabled) return { update() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: `${label} [{bar}] {percentage}% | {eta_formatted} left`, hideCursor: true, clearOnComplete: true, barsize: 30 },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(done, total) {
      if (!started) { bar.start(total, 0); started = true; }
      bar.update(done);
    },
    stop() { if (started) bar.stop(); },
  };
}
