import '@testing-library/jest-dom/vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup } from '@testing-library/react';
import { afterAll, afterEach, expect, vi } from 'vitest';
import { recordedProperties } from './property-records';

// jsdom has no matchMedia; the theme asks it whether the system is dark (it is not, here).
if (typeof window !== 'undefined' && typeof window.matchMedia !== 'function') {
  vi.stubGlobal(
    'matchMedia',
    (query: string): MediaQueryList =>
      ({
        matches: false,
        media: query,
        onchange: null,
        addEventListener: () => {},
        removeEventListener: () => {},
        addListener: () => {},
        removeListener: () => {},
        dispatchEvent: () => false,
      }) as MediaQueryList,
  );
}

afterEach(() => {
  cleanup();
});

// The deep run (scripts/test-deep.mjs) sums, over every test file, the properties run and their
// cases: each file writes its own, named after its path.
const reportFolder = process.env['KLC_PROPERTY_REPORT'];
if (reportFolder !== undefined && reportFolder !== '') {
  afterAll(() => {
    // Read from where property.ts keeps them, without importing it: most test files hold no
    // property, and need neither it nor fast-check.
    const records = recordedProperties();
    if (records.length === 0) return;
    const file = expect.getState().testPath ?? 'unknown';
    const name = file.replace(/^.*?\/src\//, 'src/').replace(/[^\w.-]+/g, '_');
    mkdirSync(reportFolder, { recursive: true });
    writeFileSync(join(reportFolder, `${name}.json`), JSON.stringify({ file, records }, null, 1));
  });
}
