/**
 * A progress bar on stderr — only when stderr is a terminal and not in CI, so it never pollutes
 * output or logs. cli-progress (and the string-width/emoji tables it pulls in) is loaded only then.
 * The line is ours (`progressLine`): it always fits the terminal, whatever its width (a 5-column
 * terminal got a 70-column bar, which cli-progress wrote whole). It changes no terminal mode.
 */
import type { Lang } from '../viz/format.js';
import { fmtPct, textWidth, truncate } from '../viz/format.js';
import { errorStream } from './stdout.js';

export interface ProgressBar { update(done: number, total: number): void; stop(): void }

/** Time left: en `1m23s`, `1h02m`, `5s`; sv `1 min 23 s`, `1 h 2 min`, `5 s`. */
function timeLeft(seconds: number, lang: Lang): string {
  const t = Math.max(0, Math.round(seconds));
  const h = Math.floor(t / 3600), m = Math.floor((t % 3600) / 60), s = t % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  if (lang === 'sv') return h > 0 ? `${h} h ${m} min kvar` : m > 0 ? `${m} min ${s} s kvar` : `${s} s kvar`;
  return h > 0 ? `${h}h${two(m)}m left` : m > 0 ? `${m}m${two(s)}s left` : `${s}s left`;
}

const BAR = 30, MIN_BAR = 10;

/**
 * The bar's line for a terminal `columns` wide, at most `columns − 1` wide (the last column would
 * wrap on some terminals): `label [████░░░░] 50% | 1m23s left`, the bar narrowed down to 10
 * cells, then without the bar (`label 50% | 1m23s left`), then without the time, then cut.
 */
export function progressLine(label: string, progress: number, etaSeconds: number, columns: number, lang: Lang): string {
  const width = Math.max(0, columns - 1);
  const pct = fmtPct(Math.min(1, Math.max(0, progress)), lang);
  const tail = Number.isFinite(etaSeconds) && progress > 0 && progress < 1 ? `${pct} | ${timeLeft(etaSeconds, lang)}` : pct;
  // Room kept for the longest tail of the first hour, so the bar does not change size as the time appears.
  const room = Math.max(textWidth(tail), textWidth(`${fmtPct(1, lang)} | ${timeLeft(3599, lang)}`));
  const fixed = textWidth(label) + room + 4; // `label [` + `] ` + tail
  const size = Math.min(BAR, width - fixed);
  if (size >= MIN_BAR) {
    const full = Math.round(Math.min(1, Math.max(0, progress)) * size);
    return `${label} [${'\u2588'.repeat(full)}${'\u2591'.repeat(size - full)}] ${tail}`;
  }
  for (const line of [`${label} ${tail}`, `${label} ${pct}`]) if (textWidth(line) <= width) return line;
  return truncate(`${label} ${pct}`, width);
}

export async function progressBar(label: string, lang: Lang): Promise<ProgressBar> {
  const stream = errorStream();
  // TERM=dumb (an editor's shell buffer, a serial console) shows escape codes as text: no bar there.
  const enabled = stream.isTTY === true && !process.env.CI && process.env.TERM !== 'dumb';
  if (!enabled) return { update() {}, stop() {} };
  const { default: cliProgress } = await import('cli-progress');
  const bar = new cliProgress.SingleBar({
    stream,
    // The terminal's width at each redraw (it may be resized while the runs go on).
    format: (_options: unknown, params: { progress: number; eta: number }) => progressLine(label, params.progress, params.eta, stream.columns || 80, lang),
    // No terminal modes to restore: hiding the cursor and turning autowrap off (cli-progress's
    // defaults here) stayed in force when SIGINT ended the runs (the default action, no code runs),
    // leaving the user's terminal with no cursor and no line wrapping. The line fits anyway.
    hideCursor: false, linewrap: true, clearOnComplete: true,
  });
  let started = false;
  return {
    update(done, total) {
      if (!started) { bar.start(total, 0); started = true; }
      bar.update(done);
    },
    stop() { if (started) bar.stop(); },
  };
}
