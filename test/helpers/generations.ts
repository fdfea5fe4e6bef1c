/**
 * The known content the kill tests write, generation by generation: a file is whole when it is
 * exactly one generation's bytes, from its first line to its last.
 */
export const TARGET = 'report.csv';
/** Writes per generation: kills land between any two of them. */
export const CHUNKS = 6;
const ROWS = 400;

/** Generation `g` as the chunks atomicWrite is given. */
export function generation(g: number): string[] {
  return Array.from({ length: CHUNKS }, (_, k) => {
    let text = k === 0 ? `generation ${g} begins\n` : '';
    for (let row = 0; row < ROWS; row++) text += `${g},${k},${row},${'x'.repeat(20)}\n`;
    return k === CHUNKS - 1 ? `${text}generation ${g} ends\n` : text;
  });
}

export function generationText(g: number): string {
  return generation(g).join('');
}

/** The generation `text` is, whole; undefined for anything partial, mixed or foreign. */
export function wholeGeneration(text: string): number | undefined {
  const g = Number(/^generation (\d+) begins\n/.exec(text)?.[1]);
  return Number.isInteger(g) && text === generationText(g) ? g : undefined;
}
