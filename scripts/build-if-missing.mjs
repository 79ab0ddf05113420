// Run before `npm start`: the services serve the front end's static build, so a fresh clone
// builds it once. After changing the front end, run `npm run build`. This build pins no
// deployment key (there is none before setup): once the deployment has one, the server builds
// and serves a pinned one by itself (services/server/src/frontend/pinned.ts).
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

if (!existsSync(new URL('../frontend/build/csp.json', import.meta.url))) {
  console.log('building the front end once (about a minute) ...');
  execSync('npm run build --silent', { stdio: 'inherit', cwd: new URL('..', import.meta.url) });
}
