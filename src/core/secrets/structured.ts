// Secrets with an internal structure we can check: PEM private key blocks (a header, a base64
// body, a footer) and JSON Web Tokens (three base64url parts whose first two decode to JSON).
import { isDocumentedExample } from './placeholders';
import { boundaryBefore, PRIORITY, stickyMatch, type Detector, type SecretMatch } from './scan';

/** How far a PEM body may run before we stop looking for its footer (a 16k-bit RSA key is ~12 kB). */
const MAX_PEM_LENGTH = 20_000;

const PEM_HEADER = /-----BEGIN ((?:[A-Z0-9]{1,12} ){0,3})PRIVATE KEY(?: BLOCK)?-----/y;

const PEM_KINDS: Record<string, string> = {
  'RSA ': 'RSA private key', 'EC ': 'EC private key', 'DSA ': 'DSA private key', 'OPENSSH ': 'OpenSSH private key',
  'ENCRYPTED ': 'encrypted private key', 'PGP ': 'PGP private key block', '': 'private key',
};

function isBase64Char(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 43 || c === 47 || c === 61;
}

/** `-----BEGIN ... PRIVATE KEY-----` with a real base64 body; a bare marker string is not a key. */
export const pemDetector: Detector = {
  id: 'pem-private-key',
  anchors: ['-----BEGIN '],
  detect(scan, at): SecretMatch | undefined {
    const { text } = scan;
    if (scan.inFixtures) return undefined; // test keys and certificates live in fixture folders on purpose
    const header = stickyMatch(PEM_HEADER, text, at);
    if (!header) return undefined;
    const bodyStart = at + header[0].length;
    const limit = Math.min(text.length, bodyStart + MAX_PEM_LENGTH);
    // The body ends where the next '-----' starts: the footer, or another header (then no body).
    let bodyEnd = text.slice(bodyStart, limit).indexOf('-----');
    bodyEnd = bodyEnd < 0 ? limit : bodyStart + bodyEnd;
    let base64 = 0;
    let other = 0;
    for (let i = bodyStart; i < bodyEnd; i++) {
      const c = text.charCodeAt(i);
      if (isBase64Char(c)) base64++;
      else if (c !== 32 && c !== 9 && c !== 10 && c !== 13 && c !== 92 /* \ of \n */ && c !== 34 && c !== 39 && c !== 96) other++;
    }
    const body = text.slice(bodyStart, bodyEnd);
    if (base64 < 40 || other > base64 * 0.1 || body.includes('...') || body.includes('…') || /x{6}|X{6}/.test(body)) return undefined;
    let end = bodyEnd;
    if (text.startsWith('-----END ', bodyEnd)) {
      const close = text.slice(bodyEnd + 9, bodyEnd + 80).indexOf('-----');
      if (close >= 0) end = bodyEnd + 9 + close + 5;
    }
    const kind = PEM_KINDS[header[1]] ?? 'private key';
    const label = isServiceAccountJson(scan.text, scan.kind) ? 'Google service-account private key' : kind;
    return { start: at, end, label, envName: 'PRIVATE_KEY', detector: 'pem-private-key', priority: PRIORITY.structured };
  },
};

function isServiceAccountJson(text: string, kind: string): boolean {
  return kind === 'json' && /"type"\s*:\s*"service_account"/.test(text.slice(0, 2000));
}

const JWT = /eyJ[A-Za-z0-9_-]{5,2000}\.eyJ[A-Za-z0-9_-]{5,8000}\.([A-Za-z0-9_-]{16,1000})(?![A-Za-z0-9_-])/y;

function decodeBase64UrlJson(part: string): Record<string, unknown> | undefined {
  try {
    const json = Buffer.from(part, 'base64url').toString('utf8');
    const value: unknown = JSON.parse(json);
    return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * JWTs that are not worth reporting: fixtures in test files, the jwt.io sample, and Supabase
 * 'anon' keys (public by design). The generic rule defers to this too.
 */
export function isDismissedJwt(value: string, inTest: boolean): boolean {
  if (!value.startsWith('eyJ')) return false;
  const parts = value.split('.');
  if (parts.length !== 3) return false;
  if (inTest || isDocumentedExample(parts[2])) return true;
  return decodeBase64UrlJson(parts[1])?.role === 'anon';
}

/**
 * A signed JWT: header and payload decode to JSON objects, the header names an algorithm.
 * Unsigned tokens, the jwt.io sample and Supabase 'anon' keys (public by design) are skipped;
 * so are JWTs in test files, which are fixtures signed with test keys.
 */
export const jwtDetector: Detector = {
  id: 'jwt',
  anchors: ['eyJ'],
  detect(scan, at): SecretMatch | undefined {
    const { text } = scan;
    if (!boundaryBefore(text, at, /[A-Za-z0-9_.-]/)) return undefined;
    const m = stickyMatch(JWT, text, at);
    if (!m || isDismissedJwt(m[0], scan.inTest)) return undefined;
    const [headerPart, payloadPart] = m[0].split('.');
    const header = decodeBase64UrlJson(headerPart);
    const payload = decodeBase64UrlJson(payloadPart);
    if (!header || !payload || typeof header.alg !== 'string' || header.alg.toLowerCase() === 'none') return undefined;
    return { start: at, end: at + m[0].length, label: 'JSON Web Token', envName: 'API_TOKEN', detector: 'jwt', priority: PRIORITY.structured };
  },
};

const BASE64_RUN = /[A-Za-z0-9+/]{40,20000}={0,2}/y;

/**
 * A PEM private key, base64-encoded once more (Kubernetes Secret `data:`, CI variables):
 * 'LS0tLS1CRUdJTi' is the base64 of '-----BEGIN'.
 */
export const base64PemDetector: Detector = {
  id: 'base64-pem-private-key',
  anchors: ['LS0tLS1CRUdJTi'],
  detect(scan, at): SecretMatch | undefined {
    const { text } = scan;
    if (scan.inFixtures || !boundaryBefore(text, at)) return undefined;
    const m = stickyMatch(BASE64_RUN, text, at);
    if (!m) return undefined;
    const decoded = Buffer.from(m[0], 'base64').toString('latin1');
    const header = stickyMatch(PEM_HEADER, decoded, 0);
    if (!header || decoded.length < header[0].length + 60) return undefined;
    return { start: at, end: at + m[0].length, label: `base64-encoded ${PEM_KINDS[header[1]] ?? 'private key'}`, envName: 'PRIVATE_KEY', detector: 'base64-pem-private-key', priority: PRIORITY.structured };
  },
};
