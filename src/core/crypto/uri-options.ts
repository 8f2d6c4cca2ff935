// TLS verification switched off inside connection strings: MongoDB's `tlsInsecure=true`,
// `tlsAllowInvalidCertificates=true`, `tlsAllowInvalidHostnames=true`, `sslValidate=false`;
// pg's `sslmode=no-verify` (also as PGSSLMODE); PyMongo-style `ssl_cert_reqs=CERT_NONE`. Shared by the code rule
// (string literals) and the config rule (.env, YAML, ...). A plain scan: no regular expression.

export interface UriTlsOption {
  /** Offsets of `name=value` inside the scanned text. */
  start: number;
  end: number;
  name: string;
  /** What the option turns off, for the message. */
  disables: 'certificates' | 'hostnames' | 'both';
}

interface Known {
  name: string;
  value: string;
  disables: UriTlsOption['disables'];
}

const KNOWN: readonly Known[] = [
  { name: 'tlsinsecure', value: 'true', disables: 'both' },
  { name: 'tlsallowinvalidcertificates', value: 'true', disables: 'certificates' },
  { name: 'sslallowinvalidcertificates', value: 'true', disables: 'certificates' },
  { name: 'tlsallowinvalidhostnames', value: 'true', disables: 'hostnames' },
  { name: 'sslallowinvalidhostnames', value: 'true', disables: 'hostnames' },
  { name: 'sslvalidate', value: 'false', disables: 'certificates' },
  { name: 'sslmode', value: 'no-verify', disables: 'certificates' },
  { name: 'pgsslmode', value: 'no-verify', disables: 'certificates' },
  { name: 'ssl_cert_reqs', value: 'cert_none', disables: 'certificates' },
  { name: 'tls_cert_reqs', value: 'cert_none', disables: 'certificates' },
];

/** A cheap pre-filter for string literals collected during the facts walk. */
export function mayHoldUriTlsOption(text: string): boolean {
  if (text.length > 4096) return false;
  const lower = text.toLowerCase();
  return lower.includes('tlsinsecure') || lower.includes('allowinvalid') || lower.includes('sslvalidate') || lower.includes('sslmode') || lower.includes('cert_reqs');
}

/** Every `name=value` option in `text` that turns verification off. Names are matched case-insensitively, as drivers do. */
export function uriTlsOptions(text: string): UriTlsOption[] {
  const found: UriTlsOption[] = [];
  const lower = text.toLowerCase();
  for (const k of KNOWN) {
    for (let at = lower.indexOf(k.name); at >= 0; at = lower.indexOf(k.name, at + k.name.length)) {
      // The name must start a parameter (`?`, `&`, `;`, start, space, quote) and be followed by `=`.
      const before = at > 0 ? lower[at - 1] : '';
      if (before !== '' && !'?&; \t"\'`\n'.includes(before)) continue;
      const eq = at + k.name.length;
      if (lower[eq] !== '=') continue;
      if (!lower.startsWith(k.value, eq + 1)) continue;
      const end = eq + 1 + k.value.length;
      const after = lower[end] ?? '';
      if (after !== '' && !'&; \t"\'`\n\r#'.includes(after)) continue;
      found.push({ start: at, end, name: text.slice(at, eq), disables: k.disables });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
