import fc from 'fast-check';

// The property tests draw new cases on every run, which is how they find what no one thought to write. CI runs them
// on the seed it is given (.ci/run sets one), so that a change that passed when it was made passes when it lands,
// and a failure there can be replayed; everywhere else each run explores afresh. `FC_SEED=<n> npm test` replays.
// eslint-disable-next-line no-restricted-syntax -- the test runner's own setting, read before the app's settings exist
const seed = process.env.FC_SEED;
if (seed && seed !== 'random') fc.configureGlobal({ seed: Number(seed) });
