import { CONFIG_USAGE, configCommand } from './config-command.js';
import { SCAN_USAGE, scanCommand } from './scan/scan-command.js';
import { SERVE_USAGE, serveCommand } from './serve-command.js';

const USAGE = `${SERVE_USAGE}\n\n${CONFIG_USAGE}\n\n${SCAN_USAGE}`;

/** Runs `consent-kit serve …`, `consent-kit config …` or `consent-kit scan …`; returns the process exit code, or never returns while serving. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'config') return configCommand(rest);
  if (command === 'scan') return scanCommand(rest);
  if (command === 'serve') return serveCommand(rest);
  console.error(
    command === undefined || command === '--help' ? USAGE : `consent-kit: unknown command "${command}"\n\n${USAGE}`,
  );
  return command === '--help' ? 0 : 2;
}
