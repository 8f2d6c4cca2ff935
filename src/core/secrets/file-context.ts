// What the file's path says about the values in it: tests, examples and fixtures hold fakes.

const TEST_DIR = /(?:^|\/)(?:test|tests|__tests__|spec|specs|__mocks__|mocks?|e2e|cypress|playwright|testing)\//i;
const TEST_FILE = /\.(?:test|spec|e2e|cy|stories)\.[cm]?[jt]sx?$|(?:^|\/)test_[^/]+\.py$|_test\.(?:py|go|rb)$|(?:^|\/)conftest\.py$/i;
const EXAMPLE_FILE = /(?:^|\/)\.env\.(?:test|example|sample|template|dist|defaults?|ci)$|\.(?:example|sample|template|dist)(?:\.[a-z]+)?$/i;
// Plain .txt files are not documentation by default: notes and exported credentials live there too.
const DOCS_FILE = /\.(?:md|mdx|markdown|rst|adoc)$/i;
const FIXTURE_DIR = /(?:^|\/)(?:fixtures?|__fixtures__|testdata|test-data|test_data)\//i;

/** Test sources, test data, example/template config files and documentation: illustrative values. */
export function isTestOrExamplePath(fileName: string): boolean {
  return TEST_DIR.test(fileName) || TEST_FILE.test(fileName) || EXAMPLE_FILE.test(fileName) || FIXTURE_DIR.test(fileName) || DOCS_FILE.test(fileName);
}

/** Fixture folders: keys and certificates there are test material by intent. */
export function isFixturePath(fileName: string): boolean {
  return FIXTURE_DIR.test(fileName);
}
