import { firstSentence } from './http.js';

// A JSON key directly after `,` is structural: inside a JSON string a quote is always escaped,
// so `,"` never occurs there. That makes these textual rewrites safe on whole rows.
const NULL_MEMBER = /,"[A-Za-z_][A-Za-z0-9_]*":null(?=[,}])/g;
const LF = 0x0a;
/** ClickHouse appends an exception to a body it has already started: `Code: 395, e.displayText() = ...`. */
const EXCEPTION = /(?:^|\n)Code: \d+[.,]/;
const MAX_EXCEPTION_TEXT = 4096;
const MAX_CARRY = 8 * 1024 * 1024;

/**
 * Turns ClickHouse's JSONEachRow body into event lines as the NDJSON adapter reads them: a NULL
 * column (an optional field the event does not have) is left out rather than given as null, and
 * a boolean stored as UInt8 becomes true/false. Yields whole lines only, one chunk per network
 * chunk, so memory stays at one chunk. An exception the server appends after rows were sent (it
 * cannot change the status any more) is thrown as an Error, which the reader records as the
 * input's error.
 */
export async function* eventRows(body: AsyncIterable<Uint8Array>, booleans: readonly string[]): AsyncGenerator<Buffer> {
  const rewrites = booleans.map((name) => ({
    pattern: new RegExp(`,"${name}":([01])(?=[,}])`, 'g'),
    replace: (_: string, bit: string) => `,"${name}":${bit === '1' ? 'true' : 'false'}`,
  }));
  const normalise = (text: string): string => {
    let out = text.replace(NULL_MEMBER, '');
    for (const { pattern, replace } of rewrites) out = out.replace(pattern, replace);
    return out;
  };
  let carry: Buffer = Buffer.alloc(0);
  const iterator = body[Symbol.asyncIterator]();
  try {
    for (let next = await iterator.next(); next.done !== true; next = await iterator.next()) {
      const chunk = carry.length > 0 ? Buffer.concat([carry, next.value]) : Buffer.from(next.value);
      const cut = chunk.lastIndexOf(LF);
      if (cut < 0) {
        // A row longer than any line the reader accepts: pass it on as it is, to be counted invalid.
        if (chunk.length > MAX_CARRY) {
          yield chunk;
          carry = Buffer.alloc(0);
        } else {
          carry = chunk;
        }
        continue;
      }
      carry = chunk.subarray(cut + 1);
      // Cut at a LF, so no UTF-8 character is split.
      const text = chunk.toString('utf8', 0, cut + 1);
      const failure = EXCEPTION.exec(text);
      if (failure) {
        const before = text.slice(0, failure.index + (text[failure.index] === '\n' ? 1 : 0));
        if (before !== '') yield Buffer.from(normalise(before));
        const rest = text.slice(before.length) + carry.toString('utf8') + (await restOf(iterator));
        throw new Error(`ClickHouse stopped the query part-way (${firstSentence(rest)})`);
      }
      yield Buffer.from(normalise(text));
    }
    if (carry.length > 0) {
      const text = carry.toString('utf8');
      if (EXCEPTION.test(text)) throw new Error(`ClickHouse stopped the query part-way (${firstSentence(text)})`);
      yield Buffer.from(normalise(text));
    }
  } finally {
    // Stopped early (the output closed): cancel the HTTP response so the server stops too.
    await iterator.return?.();
  }
}

/** The rest of a body after an exception started: short, but bounded all the same. */
async function restOf(iterator: AsyncIterator<Uint8Array>): Promise<string> {
  let text = '';
  for (let next = await iterator.next(); next.done !== true && text.length < MAX_EXCEPTION_TEXT; next = await iterator.next()) {
    text += Buffer.from(next.value).toString('utf8');
  }
  await iterator.return?.();
  return text;
}
