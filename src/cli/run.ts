import yargs from 'yargs';
import { isRacetraceError, RacetraceError } from '../errors.js';
import { toolVersion } from '../version.js';
import * as analyzeModule from './commands/analyze.js';
import * as mergeModule from './commands/merge.js';
import * as validateModule from './commands/validate.js';
import * as demoModule from './commands/demo.js';
import * as emitModule from './commands/emit.js';
import { quietOnClosedPipe } from './output.js';
import { protectDash, restoreDash } from './dash.js';
import { neutralise } from '../report/sanitize.js';

/**
 * Parses the command line, runs one command and returns the exit code: 0 clean, 1 findings,
 * 2 usage or input error. User errors print one sentence, never a stack trace; anything else is
 * a bug in racetrace and is rethrown.
 */
export async function run(argv: string[]): Promise<number> {
  quietOnClosedPipe();
  let exitCode = 0;
  const parser = yargs(protectDash(argv))
    .scriptName('racetrace')
    .usage('racetrace <command> [options]\n\nFind file-rename races between concurrent processes.')
    .command(analyzeModule.command, analyzeModule.describe, analyzeModule.builder, async (args) => {
      exitCode = await analyzeModule.analyzeCommand(args);
    })
    .command(mergeModule.command, mergeModule.describe, mergeModule.builder, async (args) => {
      exitCode = await mergeModule.mergeCommand(args);
    })
    .command(validateModule.command, validateModule.describe, validateModule.builder, async (args) => {
      exitCode = await validateModule.validateCommand(args);
    })
    .command(demoModule.command, demoModule.describe, demoModule.builder, async (args) => {
      exitCode = await demoModule.demoCommand(args);
    })
    .command(emitModule.command, emitModule.describe, emitModule.builder, async (args) => {
      exitCode = await emitModule.emitCommand(args);
    })
    .demandCommand(1, 'Name a command: analyze, merge, validate, demo or emit.')
    .recommendCommands()
    .strict()
    .version(toolVersion)
    .help()
    .alias('h', 'help')
    // yargs renders the whole help text each time a command starts (kept for a later failure;
    // ours never print it), and word-wrapping it costs about 30 ms of every run: it is wrapped
    // only when help was asked for.
    .wrap(asksForHelp(argv) ? Math.min(100, process.stdout.columns || 100) : null)
    .exitProcess(false)
    .fail((message, error) => {
      // yargs reports its own validation (unknown flag, bad choice) as a message; errors thrown
      // by our handlers arrive as `error` and keep their identity.
      if (error) throw error;
      throw new RacetraceError('USAGE', `${sentence(restoreDash(message))} Run \`racetrace --help\` to see the commands and flags.`);
    });

  try {
    await parser.parseAsync();
    return exitCode;
  } catch (error) {
    if (isRacetraceError(error)) {
      // Messages quote what the user typed, which may be a file name from an untrusted folder.
      process.stderr.write(`racetrace: ${neutralise(error.message)}\n`);
      return 2;
    }
    throw error;
  }
}

function asksForHelp(argv: readonly string[]): boolean {
  for (const arg of argv) {
    if (arg === '--') return false;
    if (arg === '--help' || arg === '-h' || arg.startsWith('--help=')) return true;
  }
  return false;
}

function sentence(text: string): string {
  const trimmed = text.trim().replace(/\s+/g, ' ');
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
