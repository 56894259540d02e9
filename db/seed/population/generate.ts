import { Random } from '../random';
import type { Collector, TableData } from './collector';
import type { Day } from './dates';
import { generateHousehold } from './household';
import { indexNumberSequence } from './index-numbers';
import type { TableName } from './tables';
import { buildWorld } from './world';

export type GenerateOptions = {
  children: number;
  seed: number;
  asOf: Day;
  /** Roughly how many children go in one batch of rows. */
  batchChildren: number;
};

export type GeneratedBatch = {
  phase: 'reference' | 'population';
  tables: Partial<Record<TableName, TableData>>;
  children: number;
};

/**
 * The synthetic population, batch by batch. Everything comes from one generator seeded with `seed`, so the same
 * options always give the same rows (ids included), however the batches are written.
 */
export function* generatePopulation(options: GenerateOptions, newCollector: () => Collector): Generator<GeneratedBatch> {
  const rng = new Random(options.seed);
  let collector = newCollector();
  const emit: Collector['emit'] = (table, row) => collector.emit(table, row);
  const world = buildWorld(rng, options, emit);
  yield { phase: 'reference', tables: collector.take(), children: 0 };

  collector = newCollector();
  const context = { rng, world, emit, nextIndexNumber: indexNumberSequence(rng) };
  let produced = 0;
  let inBatch = 0;
  while (produced < options.children) {
    const added = generateHousehold(context, options.children - produced);
    produced += added;
    inBatch += added;
    if (inBatch >= options.batchChildren || produced >= options.children) {
      yield { phase: 'population', tables: collector.take(), children: inBatch };
      collector = newCollector();
      inBatch = 0;
    }
  }
}
