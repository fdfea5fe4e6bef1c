import { createHash } from 'node:crypto';

/** The parts of the page; `body` is HTML, `data` the JSON for the script (already escaped). */
export interface PageParts {
  title: string;
  body: string;
  css: string;
  script: string;
  data: string;
}

/**
 * The page shell. A Content-Security-Policy allows nothing but this page's own style and script,
 * by hash (a nonce would make the output differ run to run): no network, no other script, no
 * inline event handler. So even if a string from a log slipped past escaping, it could not load
 * or run anything. The title is already escaped by the caller.
 */
export function page(parts: PageParts): string {
  const csp = [
    "default-src 'none'",
    `style-src '${hash(parts.css)}'`,
    `script-src '${hash(parts.script)}'`,
    "img-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const data = parts.data === '' ? '' : `<script type="application/json" id="racetrace-data">${parts.data}</script>\n`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${parts.title}</title>
<style>${parts.css}</style>
</head>
<body>
${parts.body}
${data}<script>${parts.script}</script>
</body>
</html>
`;
}

function hash(text: string): string {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}
