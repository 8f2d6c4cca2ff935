// Credentials written into other text: user:password in URLs and connection strings,
// `Authorization: Bearer|Basic` literals, `curl -u user:pass`, `.npmrc` auth tokens.
import { looksLikePassword, looksRandom } from './entropy';
import { isDocumentedExample, isPlaceholder, isReference } from './placeholders';
import { lineAround, PRIORITY, stickyMatch, type Detector, type ScanContext, type SecretMatch } from './scan';

/** Passwords that are defaults or stand-ins, never a real credential worth flagging. */
const WEAK_DEFAULTS = new Set([
  'password', 'pass', 'passwd', 'pwd', 'secret', 'changeme', 'changeit', 'admin', 'root', 'guest', 'user', 'username',
  'postgres', 'postgresql', 'mysql', 'mariadb', 'redis', 'mongo', 'mongodb', 'rabbitmq', 'sa', 'test', 'testing',
  'dev', 'development', 'local', 'example', 'dummy', 'foo', 'bar', 'token', 'apikey', 'api_key', 'key', 'pw',
  'default', 'demo', 'sample', 'minio', 'minioadmin', 'letmein', 'qwerty', '123456', '12345678', 'toor', 'xxx',
]);

function isStandIn(password: string, user?: string): boolean {
  const p = password.toLowerCase();
  if (user !== undefined && p === user.toLowerCase()) return true;
  return WEAK_DEFAULTS.has(p) || p.length < 4 || isPlaceholder(password) || isReference(password) || isDocumentedExample(password) ||
    /[<>{}]|\$\{|^\$[A-Za-z_]|%s|%\(|^\*+$/.test(password);
}

/** Hosts that only exist on a developer's machine or in documentation. */
function isLocalOrExampleHost(host: string): boolean {
  const h = host.toLowerCase().replace(/:\d+$/, '');
  return /^(?:localhost|127\.\d+\.\d+\.\d+|0\.0\.0\.0|\[?::1\]?|host\.docker\.internal)$/.test(h) ||
    /(?:^|\.)(?:example\.(?:com|org|net)|example|test|invalid|localhost|local)$/.test(h);
}

const DATABASE_SCHEMES = /^(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|redis|rediss|amqps?|mssql|sqlserver|jdbc:.*|oracle|cockroachdb|clickhouse|neo4j(?:\+s)?|bolt|couchbase|cassandra)$/i;

function schemeBefore(text: string, at: number): string | undefined {
  let i = at;
  while (i > 0 && at - i < 40 && /[A-Za-z0-9+.:-]/.test(text[i - 1])) i--;
  // 'jdbc:postgresql' keeps its 'jdbc:' prefix; anything else must start with a letter.
  const scheme = text.slice(i, at).replace(/^[^A-Za-z]+/, '');
  return /^[A-Za-z][A-Za-z0-9+.:-]{1,39}$/.test(scheme) ? scheme : undefined;
}

/** `scheme://user:password@host`: the password is the secret. */
export const urlCredentialsDetector: Detector = {
  id: 'url-credentials',
  anchors: ['://'],
  detect(scan, at): SecretMatch | undefined {
    const { text } = scan;
    const scheme = schemeBefore(text, at);
    if (!scheme) return undefined;
    const authorityStart = at + 3;
    // The authority ends at the first '/', '?', '#', quote, whitespace or bracket; bounded.
    let end = authorityStart;
    const limit = Math.min(text.length, authorityStart + 512);
    let lastAt = -1;
    while (end < limit) {
      const c = text[end];
      if (c === '/' || c === '?' || c === '#' || c === '"' || c === "'" || c === '`' || c === ' ' || c === '\n' || c === '\r' || c === '\t' || c === '\\' || c === ')' || c === ',' || c === ';') break;
      if (c === '@') lastAt = end;
      end++;
    }
    if (lastAt < 0) return undefined;
    const userinfo = text.slice(authorityStart, lastAt);
    const colon = userinfo.indexOf(':');
    if (colon < 0) return undefined;
    const user = userinfo.slice(0, colon);
    const password = userinfo.slice(colon + 1);
    const host = text.slice(lastAt + 1, end);
    if (password.length === 0 || host.length === 0 || isStandIn(password, user) || isReference(userinfo)) return undefined;
    // On a developer's machine or in tests, only a password that is clearly generated counts.
    if ((isLocalOrExampleHost(host) || scan.inTest) && !looksRandom(password, 10)) return undefined;
    if (!looksRandom(password, 10) && !looksLikePassword(password) && password.length < 12) return undefined;
    const start = authorityStart + colon + 1;
    const label = DATABASE_SCHEMES.test(scheme) ? `password in a connection string (${scheme}://)` : `password in a URL (${scheme}://)`;
    return { start, end: start + password.length, label, envName: DATABASE_SCHEMES.test(scheme) ? 'DATABASE_URL' : 'SERVICE_URL', detector: 'url-credentials', priority: PRIORITY.credential };
  },
};

const BEARER_TOKEN = /[A-Za-z0-9._~+/=-]{16,4096}/y;
const BASIC_CREDENTIAL = /[A-Za-z0-9+/]{8,1024}={0,2}(?![A-Za-z0-9+/=])/y;
/** 'Basic ' + Buffer.from('user:pass').toString('base64'), btoa('user:pass'), b64encode(b'user:pass'). */
const ENCODED_LITERAL = /(?:Buffer\.from|Buffer|btoa|b64encode|base64\.encode|Base64\.encode|encodeToString)\(\s{0,4}b?(["'`])([^"'`\s:]{1,100}):([^"'`\s]{1,200})\1/y;

function isPrintableAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 32 || c > 126) return false;
  }
  return true;
}

/** Other Authorization schemes that carry a token: Django REST/GitHub 'Token', Discord 'Bot', Okta 'SSWS'. */
const OTHER_SCHEMES = ['Token ', 'token ', 'Bot ', 'SSWS ', 'Api-Key ', 'ApiKey '];

/** `Authorization: Bearer <token>` and `Basic <base64 user:pass>` written as literals. */
export const authorizationHeaderDetector: Detector = {
  id: 'authorization-header',
  anchors: ['Bearer ', 'bearer ', 'BEARER ', 'Basic ', 'basic ', 'BASIC ', ...OTHER_SCHEMES],
  detect(scan, at, anchor): SecretMatch | undefined {
    const { text } = scan;
    if (at > 0 && /[A-Za-z0-9_]/.test(text[at - 1])) return undefined;
    const valueStart = at + anchor.length;
    const scheme = anchor.trim().toLowerCase();
    if (scheme !== 'basic') {
      // 'Token', 'Bot', 'SSWS' are ordinary words too: only after an Authorization header name.
      if (scheme !== 'bearer' && !/authorization/i.test(text.slice(lineAround(text, at, 200).start, at))) return undefined;
      const m = stickyMatch(BEARER_TOKEN, text, valueStart);
      if (!m) return undefined;
      let tokenEnd = m[0].length;
      while (tokenEnd > 0 && (m[0][tokenEnd - 1] === '.' || m[0][tokenEnd - 1] === '=')) tokenEnd--; // sentence end, padding
      const token = m[0].slice(0, tokenEnd);
      if (isPlaceholder(token) || isReference(token) || !looksRandom(token, 20)) return undefined;
      return { start: valueStart, end: valueStart + token.length, label: `${scheme === 'bearer' ? 'bearer' : anchor.trim()} token in an Authorization header`, envName: 'API_TOKEN', detector: 'authorization-header', priority: PRIORITY.header };
    }
    const m = stickyMatch(BASIC_CREDENTIAL, text, valueStart);
    if (m) {
      const decoded = Buffer.from(m[0], 'base64').toString('latin1');
      const colon = decoded.indexOf(':');
      if (colon > 0 && isPrintableAscii(decoded) && !isStandIn(decoded.slice(colon + 1), decoded.slice(0, colon))) {
        return { start: valueStart, end: valueStart + m[0].length, label: 'Basic-auth credentials in an Authorization header', envName: 'BASIC_AUTH', detector: 'authorization-header', priority: PRIORITY.header };
      }
      return undefined;
    }
    return encodedBasicCredentials(scan, valueStart);
  },
};

/** `'Basic ' + Buffer.from('svc:pa55…').toString('base64')`: the literal on the same line. */
function encodedBasicCredentials(scan: ScanContext, from: number): SecretMatch | undefined {
  const { text } = scan;
  const line = lineAround(text, from, 400);
  const limit = Math.min(line.end, from + 200);
  for (let i = from; i < limit; i++) {
    if (text[i] !== '(') continue;
    // Walk back over the dotted callee name; try the pattern at each of its segments
    // ('base64.b64encode(' matches at 'b64encode', 'Buffer.from(' at 'Buffer').
    let s = i;
    while (s > from && /[A-Za-z0-9_.]/.test(text[s - 1])) s--;
    let m: RegExpExecArray | undefined;
    for (let p = s; p < i && !m; p++) if (p === s || text[p - 1] === '.') m = stickyMatch(ENCODED_LITERAL, text, p);
    if (!m) continue;
    s = m.index;
    const [, , user, password] = m;
    if (isStandIn(password, user)) return undefined;
    const start = s + m[0].length - 1 - password.length;
    return { start, end: start + password.length, label: 'Basic-auth password encoded into an Authorization header', envName: 'BASIC_AUTH_PASSWORD', detector: 'authorization-header', priority: PRIORITY.header };
  }
  return undefined;
}

const CURL_USER = /(["']?)([^\s"'`$:]{1,100}):([^\s"'`,]{1,200})\1(?=[\s;)]|$)/y;

/** `curl -u user:password` / `--user user:password`, in scripts, docs and strings. */
export const curlUserDetector: Detector = {
  id: 'curl-user',
  anchors: [' -u ', ' --user ', ' --user=', ' -u"', " -u'"],
  detect(scan, at, anchor): SecretMatch | undefined {
    const { text } = scan;
    const line = lineAround(text, at, 1000);
    if (!/\b(?:curl|wget|http)\b/.test(text.slice(line.start, at))) return undefined;
    const valueStart = anchor.endsWith('"') || anchor.endsWith("'") ? at + anchor.length - 1 : at + anchor.length;
    const m = stickyMatch(CURL_USER, text, valueStart);
    if (!m) return undefined;
    const [, quote, user, password] = m;
    if (isStandIn(password, user) || /^\d+$/.test(password)) return undefined;
    if (scan.inTest && !looksRandom(password, 10)) return undefined;
    const start = valueStart + quote.length + user.length + 1;
    return { start, end: start + password.length, label: 'password passed to curl on the command line', envName: 'HTTP_PASSWORD', detector: 'curl-user', priority: PRIORITY.credential };
  },
};

const CONNECTION_PASSWORD = /(?:password|pwd)=([^;&"'`\s]{1,200})/iy;

/** `Server=…;User Id=…;Password=…;` and `jdbc:…;password=…` and `?user=…&password=…`. */
export const connectionStringPasswordDetector: Detector = {
  id: 'connection-string-password',
  anchors: [';Password=', ';password=', ';PASSWORD=', ';Pwd=', ';pwd=', ';PWD=', '&password=', '?password=', '&pwd=', '?pwd='],
  detect(scan, at): SecretMatch | undefined {
    const { text } = scan;
    const m = stickyMatch(CONNECTION_PASSWORD, text, at + 1);
    if (!m) return undefined;
    const password = m[1];
    if (isStandIn(password) || (scan.inTest && !looksRandom(password, 10))) return undefined;
    if (!looksRandom(password, 10) && !looksLikePassword(password)) return undefined;
    const start = at + 1 + m[0].length - password.length;
    return { start, end: start + password.length, label: 'password in a connection string', envName: 'DATABASE_PASSWORD', detector: 'connection-string-password', priority: PRIORITY.credential };
  },
};

const NPMRC_AUTH = /:?_(?:authToken|auth|password)\s{0,4}=\s{0,4}["']?([^\s"']{8,400})/y;

/** `.npmrc`: `//registry.npmjs.org/:_authToken=…`, `_auth=…`, `_password=…`. */
export const npmrcAuthDetector: Detector = {
  id: 'npmrc-auth',
  anchors: [':_authToken', ':_auth=', ':_password', '_authToken=', '_auth='],
  detect(scan, at): SecretMatch | undefined {
    const { text } = scan;
    const m = stickyMatch(NPMRC_AUTH, text, at);
    if (!m) return undefined;
    const value = m[1];
    if (isReference(value) || isPlaceholder(value) || isDocumentedExample(value)) return undefined;
    if (!looksRandom(value, 16) && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)) return undefined;
    const start = at + m[0].length - value.length;
    return { start, end: start + value.length, label: 'npm registry auth token', envName: 'NPM_TOKEN', detector: 'npmrc-auth', priority: PRIORITY.credential };
  },
};

const NETRC_PASSWORD = /password[ \t]{1,20}(\S{1,400})/y;

/** `.netrc`: `machine api.example.com login bot password <secret>`. */
export const netrcPasswordDetector: Detector = {
  id: 'netrc-password',
  anchors: ['password ', 'password\t'],
  detect(scan, at): SecretMatch | undefined {
    if (!/(?:^|\/)[._]netrc$/.test(scan.fileName)) return undefined;
    const { text } = scan;
    if (at > 0 && !/\s/.test(text[at - 1])) return undefined;
    const m = stickyMatch(NETRC_PASSWORD, text, at);
    if (!m || isStandIn(m[1])) return undefined;
    const start = at + m[0].length - m[1].length;
    return { start, end: start + m[1].length, label: 'password in a .netrc file', envName: 'NETRC_PASSWORD', detector: 'netrc-password', priority: PRIORITY.credential };
  },
};

const CLI_SECRET_FLAG = /--(?:password|passwd|pass|token|api-key|apikey|secret|client-secret|auth-token|access-token)(?:=|[ \t]{1,10})(["']?)([^\s"'`;|&)]{4,300})\1(?=[\s;|&)"'`]|$)/y;
const SHORT_PASSWORD_FLAG = /-p(["']?)([^\s"'`;|&)-][^\s"'`;|&)]{3,300})\1(?=[\s;|&)"'`]|$)/y;
const SHORT_PASSWORD_TOOLS = /\b(?:mysql|mysqldump|mariadb|mysqladmin|sshpass)\b/;
/** Tools whose short flag takes the password as the next word: `docker login -p …`, `sshpass -p …`, `redis-cli -a …`. */
const LOGIN_TOOLS = /\b(?:(?:docker|podman|helm|buildah|skopeo|oras)\s+(?:registry\s+)?login|sshpass)\b/;
const SPACED_PASSWORD_FLAG = /-[pa][ \t]{1,10}(["']?)([^\s"'`;|&)]{4,300})\1(?=[\s;|&)"'`]|$)/y;
/** Java keytool's store and key passwords: `-storepass …`, `-srckeypass …`. */
const KEYTOOL_PASS = /-(?:src|dest)?(?:storepass|keypass)[ \t]{1,10}(["']?)([^\s"'`;|&)]{4,300})\1(?=[\s;|&)"'`]|$)/y;
/** OpenSSL's pass phrase arguments: `-passout pass:…`, `-passin pass:…`, `-pass pass:…`. */
const OPENSSL_PASS = /-pass(?:in|out)?[ \t]{1,10}(["']?)pass:([^\s"'`;|&)]{4,300})\1(?=[\s;|&)"'`]|$)/y;

/**
 * Secrets passed as command-line flags, in scripts, CI files, Dockerfiles and strings:
 * `--password=…`, `--token …`, `mysql -p<password>`, `docker login -p <password>`, `sshpass -p …`,
 * `redis-cli -a …`, `openssl … -passout pass:…`, `keytool -storepass …`.
 */
export const cliSecretFlagDetector: Detector = {
  id: 'cli-secret-flag',
  anchors: ['--password', '--passwd', '--pass', '--token', '--api-key', '--apikey', '--secret', '--client-secret', '--auth-token', '--access-token', ' -p', ' -a ', ' -pass', ' -storepass', ' -keypass', ' -srcstorepass', ' -deststorepass', ' -srckeypass', ' -destkeypass'],
  detect(scan, at, anchor): SecretMatch | undefined {
    const { text } = scan;
    let m: RegExpExecArray | undefined;
    if (anchor === ' -pass') {
      m = stickyMatch(OPENSSL_PASS, text, at + 1);
    } else if (anchor.endsWith('pass')) {
      m = stickyMatch(KEYTOOL_PASS, text, at + 1);
    } else if (anchor === ' -p' || anchor === ' -a ') {
      const before = text.slice(lineAround(text, at, 300).start, at);
      if (anchor === ' -a ') {
        if (/\bredis-cli\b/.test(before)) m = stickyMatch(SPACED_PASSWORD_FLAG, text, at + 1);
      } else if (text[at + 3] === ' ' && LOGIN_TOOLS.test(before)) {
        m = stickyMatch(SPACED_PASSWORD_FLAG, text, at + 1);
      } else if (SHORT_PASSWORD_TOOLS.test(before)) {
        m = stickyMatch(SHORT_PASSWORD_FLAG, text, at + 1);
      }
    } else {
      if (at > 0 && /[A-Za-z0-9_-]/.test(text[at - 1])) return undefined;
      m = stickyMatch(CLI_SECRET_FLAG, text, at);
    }
    if (!m) return undefined;
    const [, quote, value] = m;
    if (isStandIn(value) || value.startsWith('-') || (scan.inTest && !looksRandom(value, 10))) return undefined;
    if (!looksRandom(value, 10) && !looksLikePassword(value)) return undefined;
    const start = m.index + m[0].length - quote.length - value.length;
    return { start, end: start + value.length, label: 'secret passed as a command-line flag', envName: 'CLI_SECRET', detector: 'cli-secret-flag', priority: PRIORITY.credential };
  },
};

const QUERY_SECRET_VALUE = /[A-Za-z0-9._~%+/-]{16,512}/y;
const QUERY_NAMES = ['api_key', 'apikey', 'api-key', 'access_token', 'token', 'client_secret', 'private_token', 'secret', 'auth_token', 'sig'];

/**
 * A secret in a URL's query string: `https://api.example.com/v1/items?api_key=…`,
 * `?access_token=…`, GitLab `?private_token=…`, Azure SAS `&sig=…` (with its `sv=` version).
 */
export const urlQuerySecretDetector: Detector = {
  id: 'url-query-secret',
  anchors: QUERY_NAMES.flatMap((n) => [`?${n}=`, `&${n}=`]),
  detect(scan, at, anchor): SecretMatch | undefined {
    const { text } = scan;
    const valueStart = at + anchor.length;
    const m = stickyMatch(QUERY_SECRET_VALUE, text, valueStart);
    if (!m) return undefined;
    const value = m[0];
    const name = anchor.slice(1, -1);
    // Azure SAS and Logic Apps / Power Automate trigger URLs (Teams workflows) carry their `sv=` version.
    if (name === 'sig' && !/[?&]sv=\d/.test(text.slice(lineAround(text, at, 600).start, at))) return undefined;
    let decoded = value;
    try {
      decoded = decodeURIComponent(value);
    } catch {
      // not percent-encoded text; judge it as written
    }
    if (isPlaceholder(decoded) || isReference(decoded) || isDocumentedExample(decoded) || !looksRandom(decoded, 16)) return undefined;
    if (scan.inTest && isLocalOrExampleHost(hostBefore(text, at))) return undefined;
    const label = name === 'sig' ? 'Azure SAS token signature in a URL' : `${name} in a URL query string`;
    return { start: valueStart, end: valueStart + value.length, label, envName: 'API_KEY', detector: 'url-query-secret', priority: PRIORITY.credential };
  },
};

/** The host of the URL whose query starts at `query`, or '' (bounded look-back). */
function hostBefore(text: string, query: number): string {
  const line = lineAround(text, query, 600);
  const m = /:\/\/([^/?#\s"'`]{1,200})[^?#\s"'`]*$/.exec(text.slice(line.start, query));
  return m ? m[1].replace(/^.*@/, '') : '';
}
