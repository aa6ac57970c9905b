import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where `npm run demo` serves: the site, the endpoint, and the collector's log (its hits go to `localhost`). */
export const DEMO = {
  site: 'http://127.0.0.1:5173',
  endpoint: 'http://127.0.0.1:8787',
  collectorLog: 'http://127.0.0.1:8790',
  collectorHits: 'http://localhost:8790',
} as const;

/** A request that reached the demo's analytics collector, as its log reports it. */
export type CollectorHit = {
  n: number;
  at: string;
  kind: string;
  method: string;
  path: string;
  host: string;
  body: string;
};

export interface RunningDemo {
  /** Every hit the collector received since this demo started. */
  hits(): Promise<CollectorHit[]>;
  stop(): Promise<void>;
}

/**
 * Starts the demo as a developer would (`node demo/start.mjs`, plus `args` such as `--preview`), with its
 * SQLite file in a new empty directory so that no run sees another's records, and resolves once it printed
 * its start lines. The collector keeps its log in memory, so it also starts empty.
 */
export async function startDemo(args: string[] = []): Promise<RunningDemo> {
  const data = mkdtempSync(join(tmpdir(), 'consent-demo-'));
  const demo = spawn(process.execPath, ['demo/start.mjs', '--data', data, ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  demo.stdout!.setEncoding('utf8');
  // Keeps reading after the start lines: the demo goes on writing to its stdout.
  await new Promise<void>((resolve, reject) => {
    demo.stdout!.on('data', (chunk: string) => {
      output += chunk;
      if (/Endpoint:/.test(output)) resolve();
    });
    demo.once('exit', () => reject(new Error(`the demo exited (are ports 5173, 8787 and 8790 free?): ${output}`)));
  });
  return {
    async hits() {
      const response = await fetch(`${DEMO.collectorLog}/log`);
      return ((await response.json()) as { hits: CollectorHit[] }).hits;
    },
    async stop() {
      if (demo.exitCode === null) {
        const exited = once(demo, 'exit');
        demo.kill('SIGTERM');
        await exited;
      }
      rmSync(data, { recursive: true, force: true });
    },
  };
}
