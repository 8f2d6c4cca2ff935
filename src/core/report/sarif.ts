// SARIF 2.1.0, as GitHub code scanning reads it: rules with CWE tags and help links, results
// with locations relative to a uriBaseId, partialFingerprints, related locations and code flows.
import { allDescriptors, docsUrl } from '../registry';
import type { RuleDescriptor, Severity } from '../types';
import type { FileReport, LocatedFinding, LocatedRange } from './located';

export interface SarifOptions {
  toolVersion: string;
  /** file:// URI of the directory report paths are relative to (ends with '/'). */
  baseUri: string;
}

/** GitHub ranks alerts by this number (0-10): critical >= 9, high >= 7, medium >= 4. */
const SECURITY_SEVERITY: Record<Severity, string> = { error: '8.0', warning: '5.5', note: '3.0' };

export function toSarif(reports: readonly FileReport[], options: SarifOptions): object {
  const descriptors = allDescriptors();
  const index = new Map(descriptors.map((d, i) => [d.id, i]));
  const results = reports.flatMap((report) => report.findings.map((f) => result(report.path, f, index.get(f.ruleId))));
  const notifications = reports
    .filter((r) => r.skipped || r.errors)
    .map((r) => ({
      level: r.errors ? 'error' : 'note',
      message: { text: r.errors ? `Analysis error: ${r.errors.join('; ')}` : `Skipped: ${r.skipped}` },
      locations: [{ physicalLocation: { artifactLocation: { uri: encodePath(r.path), uriBaseId: 'SRCROOT' } } }],
    }));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Secure Dev',
            semanticVersion: options.toolVersion,
            informationUri: 'https://github.com/secure-dev/secure-dev',
            rules: descriptors.map(rule),
          },
        },
        originalUriBaseIds: { SRCROOT: { uri: options.baseUri } },
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
        results,
      },
    ],
  };
}

function rule(d: RuleDescriptor): object {
  return {
    id: d.id,
    name: d.id.replace(/(^|-)([a-z])/g, (_m, _d, c: string) => c.toUpperCase()),
    shortDescription: { text: d.name },
    fullDescription: { text: d.description },
    helpUri: docsUrl(d.id),
    help: { text: `${d.description} See ${docsUrl(d.id)}`, markdown: `${d.description}\n\n[Rule documentation](${docsUrl(d.id)})` },
    defaultConfiguration: { level: d.severity },
    properties: {
      tags: ['security', ...d.cwe.map((n) => `external/cwe/cwe-${n}`), d.category],
      category: d.category,
      precision: 'high',
      ...(d.cwe.length > 0 ? { 'security-severity': SECURITY_SEVERITY[d.severity] } : {}),
      ...(d.owasp ? { owasp: d.owasp } : {}),
    },
  };
}

function result(path: string, f: LocatedFinding, ruleIndex: number | undefined): object {
  const location = (range: LocatedRange, message?: string, id?: number) => ({
    ...(id !== undefined ? { id } : {}),
    physicalLocation: { artifactLocation: { uri: encodePath(path), uriBaseId: 'SRCROOT' }, region: region(range) },
    ...(message ? { message: { text: message } } : {}),
  });
  const flow = f.related.length > 0
    ? {
        relatedLocations: f.related.map((r, i) => location(r, r.message, i + 1)),
        codeFlows: [{ threadFlows: [{ locations: [...f.related.map((r) => ({ location: location(r, r.message) })), { location: location(f.range, 'sink') }] }] }],
      }
    : {};
  return {
    ruleId: f.ruleId,
    ...(ruleIndex !== undefined ? { ruleIndex } : {}),
    level: f.severity,
    message: { text: f.message },
    locations: [location(f.range)],
    partialFingerprints: { 'secureDev/v1': f.fingerprint },
    properties: { category: f.category },
    ...flow,
  };
}

function region(r: LocatedRange): object {
  return { startLine: r.start.line, startColumn: r.start.column, endLine: r.end.line, endColumn: r.end.column };
}

/** Relative path to a URI reference: each segment percent-encoded, '/' kept. */
function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}
