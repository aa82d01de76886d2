/**
 * The layer rules of .dependency-cruiser.cjs applied to the tests beside the code (`src/<layer>/**\/*.test.ts`):
 * a test imports its own layer and those below it, plus src/testing/ (rule tester, fixtures) and test/support/
 * (real components, replay server). A test that needs a pipeline from above calls src/app/, from a test there.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- dependency-cruiser configs are CommonJS
const base = require('./.dependency-cruiser.cjs');

const TEST_ALLOWED = ['^src/testing/', '^test/support/'];

module.exports = {
  forbidden: base.forbidden
    .filter((rule) => rule.name.startsWith('layer-'))
    .map((rule) => ({
      ...rule,
      name: `test-${rule.name}`,
      comment: `tests: ${rule.comment}, src/testing, test/support`,
      from: { path: `${rule.from.path}.*\\.test\\.ts$` },
      to: { ...rule.to, pathNot: [...rule.to.pathNot, ...TEST_ALLOWED] },
    })),
  options: { ...base.options, exclude: { path: '^$' } },
};
