import { execFileSync } from 'node:child_process';
import type { TestProject } from 'vitest/node';
import { repoRoot, startServer } from './server';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    adminKey: string;
    staffEmail: string;
    staffPassword: string;
  }
}

/** Builds what `npm start` builds, starts the server once for every browser test. */
export default async function setup(project: TestProject) {
  execFileSync('npm', ['run', 'build', '-w', 'server'], { cwd: repoRoot, stdio: 'inherit' });
  execFileSync(process.execPath, ['admin/scripts/build-if-stale.mjs'], { cwd: repoRoot, stdio: 'inherit' });
  const server = await startServer();
  project.provide('baseUrl', server.url);
  project.provide('adminKey', server.adminKey);
  project.provide('staffEmail', server.staff.email);
  project.provide('staffPassword', server.staff.password);
  return () => server.stop();
}
