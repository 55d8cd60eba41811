/**
 * A progress bar on stderr — only when stderr is a terminal and not in CI, so it never pollutes
 * output or logs. cli-progress (and the string-width/emoji tables it pulls in) is loaded only then.
 */
export interface ProgressBar { update(done: number, total: number): void; stop(): void }

export async function progressBar(label: string): Promise<ProgressBar> {
  const enabled = process.stderr.isTTY === true && !process.env.CI;
  if (!enabled) return { update() {}, stop() {} };
  const { default: cliProgress } = await import('cli-progress');
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
