import { CLIENT_DRAW } from './client-draw.js';
import { CLIENT_MODEL } from './client-model.js';
import { CLIENT_UI } from './client-ui.js';

/**
 * The page's one script: draws the timeline from the embedded data and makes it zoomable,
 * pannable and filterable. Plain ES2017 kept as text (the project compiles for Node and has no
 * DOM types); the browser test in test/report/html-browser.test.ts is what checks it.
 */
export const CLIENT_SCRIPT = `(function () {\n'use strict';\n${CLIENT_MODEL}${CLIENT_DRAW}${CLIENT_UI}})();`;
