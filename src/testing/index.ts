export { ruleTester, applyFixes } from './rule-tester.js';
export type { ExpectedFinding, RuleTestSpec } from './rule-tester.js';
export { listFixtures, runFixture, fixturesDir } from './fixtures.js';
export type { Fixture, FixtureKind, FixtureOptions, FixtureRun } from './fixtures.js';
