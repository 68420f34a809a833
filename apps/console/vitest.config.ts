import { defineProject } from 'vitest/config';

// no react plugin here: unit tests cover plain classes, stores and pure helpers in node
export default defineProject({
  test: {
    name: '@ringside/console',
    environment: 'node',
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', '*.test.ts'],
  },
});
