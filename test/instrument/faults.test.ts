import { test } from 'node:test';
import assert from 'node:assert/strict';
import { faultsFromEnv, parseFaults, withFaults } from '../../src/instrument/faults.js';
import { RacetraceError } from '../../src/errors.js';
import { scriptedRandom, scriptedRenameFs } from '../helpers/fake-fs.js';

test('RACETRACE_FAULTS takes several ops and codes, comma-separated', () => {
  assert.deepEqual(parseFaults('rename=EBUSY:0.3, rename=EPERM:1,open=EMFILE:.05'), [
    { op: 'rename', code: 'EBUSY', probability: 0.3 },
    { op: 'rename', code: 'EPERM', probability: 1 },
    { op: 'open', code: 'EMFILE', probability: 0.05 },
  ]);
  assert.deepEqual(parseFaults(''), []);
  assert.deepEqual(faultsFromEnv({}), []);
  assert.equal(faultsFromEnv({ RACETRACE_FAULTS: 'unlink=EBUSY:0' })[0]?.op, 'unlink');
});

for (const spec of ['rename=EBUSY', 'rename:EBUSY:0.3', 'move=EBUSY:0.3', 'rename=busy:0.3', 'rename=EBUSY:1.5', 'rename=EBUSY:x']) {
  test(`a bad spec says the expected form: ${spec}`, () => {
    assert.throws(() => parseFaults(spec), (error: unknown) =>
      error instanceof RacetraceError && error.code === 'USAGE' &&
      error.message.includes(`"${spec}"`) && /expected op=CODE:probability/.test(error.message));
  });
}

test('injected errors look like real ones: code, syscall, Node message', async () => {
  const fs = withFaults(scriptedRenameFs([]), parseFaults('rename=EBUSY:1'));
  const error = await fs.rename('/a', '/b').catch((e: unknown) => e);
  assert.ok(error instanceof Error);
  assert.equal((error as NodeJS.ErrnoException).code, 'EBUSY');
  assert.equal((error as NodeJS.ErrnoException).syscall, 'rename');
  assert.match(error.message, /^EBUSY: resource busy or locked, rename '\/a' -> '\/b' \(injected by RACETRACE_FAULTS\)$/);
});

test('a fault fires with its probability and otherwise the real operation runs', async () => {
  const inner = scriptedRenameFs([]);
  // The first roll (0.1) is under 0.3 and fails, the second (0.5) is over it and passes.
  const fs = withFaults(inner, parseFaults('rename=EBUSY:0.3'), scriptedRandom([0.1, 0.5]));
  await assert.rejects(fs.rename('/a', '/b'), { code: 'EBUSY' });
  await fs.rename('/a', '/b');
  assert.deepEqual(inner.calls, ['rename /a /b']);
});

test('rules for other ops leave rename alone; no rules returns the fs itself', async () => {
  const inner = scriptedRenameFs([]);
  await withFaults(inner, parseFaults('open=EMFILE:1')).rename('/a', '/b');
  assert.equal(withFaults(inner, []), inner);
});
