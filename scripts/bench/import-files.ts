/**
 * Figure 8b's files, written with the console's own core: the largest large tenant whose export,
 * every event written out (no scenario named, as a tool or another console might write it), fits
 * the import limit, and the default scenario's export beside it. Bundled and run like
 * core-bench.ts; prints one JSON object on stdout.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LIMITS, toDocument } from '../../src/core/document/document';
import type { TenantEvent } from '../../src/core/events';
import type { TenantGenesis } from '../../src/core/model';
import { janeTinoScenario } from '../../src/core/scenarios/jane-tino';
import { generateLargeScenario } from '../../src/core/scenarios/large';

const KEYS_PER_PERSON = 4;

function exportOf(genesis: TenantGenesis, events: readonly TenantEvent[]): string {
  const state = {
    scenarioId: 'custom',
    scenarioParams: {},
    genesis,
    events,
    cursor: events.length,
  };
  return `${JSON.stringify(toDocument(state))}\n`;
}

const [outDir] = process.argv.slice(2);
if (outDir === undefined) throw new Error('usage: import-files.mjs <out-dir>');

let people = 10_000;
let large = '';
let events = 0;
for (;;) {
  const scenario = generateLargeScenario({ people, keysPerPerson: KEYS_PER_PERSON });
  large = exportOf(scenario.genesis, scenario.events);
  events = scenario.events.length;
  if (large.length <= LIMITS.maxBytes) break;
  // Fewer people, in proportion, with a margin: the text grows about linearly with them.
  people = Math.floor((people * LIMITS.maxBytes * 0.995) / large.length);
}
const small = exportOf(janeTinoScenario.genesis, janeTinoScenario.events);
const files = {
  large: { path: join(outDir, 'large-export.klc.json'), bytes: large.length, events, people },
  small: {
    path: join(outDir, 'jane-tino-export.klc.json'),
    bytes: small.length,
    events: janeTinoScenario.events.length,
    people: janeTinoScenario.genesis.name,
  },
};
writeFileSync(files.large.path, large);
writeFileSync(files.small.path, small);
process.stdout.write(`${JSON.stringify(files)}\n`);
