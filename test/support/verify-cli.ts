// `npm run verify -- <args>` as a person runs it, from the repository's root: its exit code and
// everything it printed (standard output and error together).
import { repositoryRoot } from '@integrity-desk/server';
import { spawn } from 'node:child_process';

export function runVerify(...args: string[]): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', 'verify', '--', ...args], {
      cwd: repositoryRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('close', (code) => resolve({ code, out }));
  });
}
