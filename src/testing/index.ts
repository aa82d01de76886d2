export { ruleTester, applyFixes } from './rule-tester.js';
export type { ExpectedFinding, RuleTestSpec } from './rule-tester.js';
export { listFixtures, runFixture, fixturesDir } from './fixtures.js';
export type { Fixture, FixtureKind, FixtureOptions, FixtureRun } from './fixtures.js';
/** The file reader, for tests below sources/ that read real data files (test layering: they may import testing/). */
export { readInputs } from '../sources/files/read.js';
