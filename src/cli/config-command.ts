import { readFile } from 'node:fs/promises';
import { checkedTagOf } from '../server/checked-config-tag.js';
import { parseConfigJson } from '../core/config.js';
import { ConsentConfigError } from '../core/errors.js';

export const CONFIG_USAGE = `Usage: consent-kit config <config.json>

  Validates a script-tag config and prints it as a checked config tag: every default filled in, stamped so the
  page starts without downloading the validator. Put the tag in place of the page's own config tag, and run
  this again whenever the config or the consent-kit version changes (a stale tag still works, more slowly).`;

/**
 * Runs `consent-kit config <file>`: prints the checked tag on stdout and returns 0, or names every bad field
 * on stderr and returns 1 (2 for a usage mistake).
 */
export async function configCommand(args: string[]): Promise<number> {
  if (args.length !== 1 || args[0]!.startsWith('-')) {
    console.error(
      args[0] === '--help' ? CONFIG_USAGE : `consent-kit config: expected one config file\n\n${CONFIG_USAGE}`,
    );
    return args[0] === '--help' ? 0 : 2;
  }
  let text: string;
  try {
    text = await readFile(args[0]!, 'utf8');
  } catch (error) {
    console.error(
      `consent-kit config: cannot read ${args[0]} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
    );
    return 1;
  }
  try {
    console.log(checkedTagOf(parseConfigJson(text)));
    return 0;
  } catch (error) {
    if (!(error instanceof ConsentConfigError)) throw error;
    console.error(error.problems.map((p) => `${args[0]}: ${p}`).join('\n'));
    return 1;
  }
}
