/** The sentences the strace adapter adds to a report's notes (each once per run). */
export const NOTES = {
  guessed:
    'strace: some processes could not be placed in the process tree, so each was grouped as a job of its own; capture with `strace -f -ttt -e trace=%file,%process` so that fork and clone lines show who started whom.',
  sigchld:
    'strace: the trace has no fork/clone lines, so jobs were grouped from SIGCHLD signals (known only when a child ends); capture with `-e trace=%file,%process` for exact grouping.',
  untimed:
    'strace: some lines have no epoch timestamps and were not used; capture with `strace -f -ttt` (three t: seconds since the epoch, with microseconds).',
  cwd: (folder: string, given: boolean): string =>
    given
      ? `strace: relative paths were resolved against ${folder} (--cwd), as the trace does not show the traced program's start folder.`
      : `strace: the trace does not show the traced program's start folder, so relative paths were resolved against the current folder ${folder}; pass --cwd with the folder strace was started in, or capture with \`strace -y\`.`,
};
