/**
 * The one way riktvarde starts a browser: the report's browser tests today, `report --out x.pdf`
 * later. It is always the Chromium shipped inside the npm package @sparticuz/chromium, so
 * `npm ci` is all a fresh machine needs, and every machine (a developer's, CI's, a planner's)
 * renders with the same Chromium, pinned by the lock file (see docs/decisions.md).
 *
 * The package's own `executablePath()` is not used: it unpacks into a fixed, unversioned
 * `<tmp>/chromium` that it reuses whichever version left it there, and its existence check can
 * hand a half-written binary to a second process unpacking at the same time (vitest runs test
 * files in parallel). Here the binary is unpacked once into a folder named after the package's
 * version, through a temp file and a rename, so a reader sees no file or the whole one.
 * Its GPU libraries (SwiftShader) and fonts are not unpacked: the browser runs with
 * `--disable-gpu` and uses the machine's fonts. The package's recommended `args` are not used
 * either: they make Chromium crash here (EGL/SwiftShader).
 *
 * RIKTVARDE_CHROMIUM=/path/to/chrome uses another Chromium-based browser instead (the package
 * ships a Linux x64 build only; elsewhere that variable is required).
 */
import { accessSync, constants, createReadStream, createWriteStream, existsSync, readFileSync, renameSync, rmdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { createBrotliDecompress } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { makeFolders } from './files.js';
import { messages } from './messages.js';
import { SetupError, SupportWriteError } from './usage.js';

/** Headless, no network chatter, no GPU: what a report needs and nothing that calls home. */
export const BROWSER_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

/** Where @sparticuz/chromium keeps its compressed binary, and its version. */
export function packagedChromium(): { bin: string; version: string } {
  // Its exports map names only the entry point (build/esm/index.js); bin/ sits two folders up.
  const root = join(dirname(fileURLToPath(import.meta.resolve('@sparticuz/chromium'))), '..', '..');
  const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
  return { bin: join(root, 'bin', 'chromium.br'), version };
}

let unpacked: Promise<string> | null = null;

/** The Chromium executable to launch: RIKTVARDE_CHROMIUM, or the packaged one, unpacked on first use. */
export function chromiumPath(): Promise<string> {
  const override = process.env.RIKTVARDE_CHROMIUM;
  if (override) {
    if (!existsSync(override)) return Promise.reject(new SetupError(messages.chromiumMissing(override)));
    // A folder or a file without the execute bit: Playwright's launch failed with "internal error"
    // and a page of its log.
    if (!isProgram(override)) return Promise.reject(new SetupError(messages.chromiumMissing(override, true)));
    return Promise.resolve(override);
  }
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    return Promise.reject(new SetupError(messages.chromiumPlatform(process.platform, process.arch)));
  }
  return (unpacked ??= unpack());
}

/** A regular file this process may execute. */
function isProgram(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

async function unpack(): Promise<string> {
  const { bin, version } = packagedChromium();
  const dir = join(tmpdir(), `riktvarde-chromium-${version}`);
  const exe = join(dir, 'chromium');
  if (existsSync(exe)) return exe;
  const tmp = join(dir, `.chromium.${process.pid}.${Date.now()}.tmp`);
  let made: string | undefined;
  try {
    made = makeFolders(dir);
    await pipeline(createReadStream(bin), createBrotliDecompress({ chunkSize: 1 << 21 }), createWriteStream(tmp, { mode: 0o755 }));
    renameSync(tmp, exe);
  } catch (e) {
    try { rmSync(tmp, { force: true }); } catch { /* under a file, or never made */ }
    // The cache folder too when this process made it and it is empty (a full TMPDIR kept an empty
    // riktvarde-chromium-<version>): rmdir refuses a folder another process has filled meanwhile.
    if (made !== undefined) try { rmdirSync(dir); } catch { /* not empty: another process's unpack */ }
    unpacked = null;
    // A read-only, full or missing temp folder is the machine's, not a bug (it said "internal error").
    const code = (e as NodeJS.ErrnoException | null)?.code;
    throw code ? new SupportWriteError(messages.browserUnpackFailed(dir, code)) : e;
  }
  return exe;
}

/** Starts headless Chromium (playwright-core, loaded only when a browser is wanted). */
export async function launchBrowser(): Promise<Browser> {
  const [{ chromium }, executablePath] = await Promise.all([import('playwright-core'), chromiumPath()]);
  return chromium.launch({ executablePath, args: BROWSER_ARGS });
}
