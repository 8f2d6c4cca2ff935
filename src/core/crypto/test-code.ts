// Test sources (`*.test.ts`, `*.spec.js`) legitimately use weak parameters: bcrypt cost 4 and
// 512-bit keys for speed, fixed JWT secrets, Math.random ids, self-signed local servers. Rules whose
// findings would only be noise there skip them. Only the file name counts, not folders, so demo
// and fixture projects are still analysed.
const TEST_MARKERS = ['.test.', '.spec.', '.e2e.', '.e2e-spec.', '.cy.'];

export function isTestSource(fileName: string): boolean {
  const base = fileName.slice(fileName.lastIndexOf('/') + 1).toLowerCase();
  return TEST_MARKERS.some((m) => base.includes(m));
}
