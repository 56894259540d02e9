import type { Row } from '../bulk-writer';
import { Random } from '../random';
import type { Day } from './dates';
import { generateHousehold } from './household';
import { indexNumberSequence } from './index-numbers';
import { emptyBatch, type TableName } from './tables';
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
  rows: Record<TableName, Row[]>;
  children: number;
};

/**
 * The synthetic population, batch by batch. Everything comes from one generator seeded with `seed`, so the same
 * options always give the same rows (ids included), however the batches are written.
 */
export function* generatePopulation(options: GenerateOptions): Generator<GeneratedBatch> {
  const rng = new Random(options.seed);
  let rows = emptyBatch();
  const emit = (table: TableName, row: Row) => void rows[table].push(row);
  const world = buildWorld(rng, options, emit);
  yield { phase: 'reference', rows, children: 0 };

  rows = emptyBatch();
  const context = { rng, world, emit, nextIndexNumber: indexNumberSequence(rng) };
  let produced = 0;
  let inBatch = 0;
  while (produced < options.children) {
    const added = generateHousehold(context, options.children - produced);
    produced += added;
    inBatch += added;
    if (inBatch >= options.batchChildren || produced >= options.children) {
      yield { phase: 'population', rows, children: inBatch };
      rows = emptyBatch();
      inBatch = 0;
    }
  }
}
