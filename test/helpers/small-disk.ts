import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestContext } from 'node:test';

/**
 * A real filesystem of `bytes` bytes (tmpfs), unmounted and removed when the test ends, so a
 * full disk is the kernel's ENOSPC, not an injected one. Mounting needs root (or a user namespace
 * allowing it); when it is refused the reason comes back instead, for `t.skip`.
 */
export function smallDisk(t: TestContext, bytes: number): { path: string } | { refused: string } {
  const path = mkdtempSync(join(tmpdir(), 'racetrace-small-disk-'));
  const mount = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${bytes}`, 'tmpfs', path], { encoding: 'utf8' });
  if (mount.status !== 0) {
    rmSync(path, { recursive: true, force: true });
    return { refused: `cannot mount a ${bytes}-byte tmpfs here (${(mount.stderr || mount.error?.message || 'refused').trim()})` };
  }
  t.after(() => {
    spawnSync('umount', [path]);
    rmSync(path, { recursive: true, force: true });
  });
  return { path };
}
