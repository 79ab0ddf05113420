// `vite build`, minus one line: SvelteKit ends every build with "Run npm run preview to preview
// your production build locally", printed unconditionally, and this project has no preview
// script (the build is served by intake and desk: `npm start`). Everything else is Vite's.
import { build } from 'vite';

const print = console.log;
console.log = (...args) => {
  if (args.some((a) => typeof a === 'string' && a.includes('to preview your production build')))
    return;
  print(...args);
};
await build();
