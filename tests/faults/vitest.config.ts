// The long reliability suite (`npm run test:faults`): processes killed at random moments, a live core
// losing and finding its network, a disk filling up. One file at a time: they load the machine.
import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: path.resolve(import.meta.dirname, '..', '..'),
    include: ['tests/faults/**/*.test.ts'],
    environment: 'node',
    testTimeout: 600_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    maxWorkers: 1,
  },
});
