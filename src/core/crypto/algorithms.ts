// Which algorithm names are weak, and why, in the spellings Node (OpenSSL), node-forge and
// crypto-js use. Plain string tests: no regular expression here can backtrack.

/** Why a block/stream cipher name is weak, or undefined when it is fine. */
export function weakCipherReason(name: string): string | undefined {
  const n = name.trim().toLowerCase();
  if (n.startsWith('des-ede') || n.startsWith('des3') || n.startsWith('3des') || n === 'tripledes' || n.startsWith('des-ede3')) {
    return '3DES has a 64-bit block (Sweet32 collisions) and is disallowed by NIST since 2023';
  }
  if (n === 'des' || n.startsWith('des-') || n === 'desx' || n.startsWith('desx-')) return 'DES has a 56-bit key that can be brute-forced';
  if (n.startsWith('rc4')) return 'RC4 has a biased keystream and is broken';
  if (n.startsWith('rc2')) return 'RC2 is obsolete and weak';
  if (n === 'bf' || n.startsWith('bf-') || n.startsWith('blowfish')) return 'Blowfish has a 64-bit block (Sweet32 collisions)';
  if (n.startsWith('cast5') || n === 'cast' || n.startsWith('cast-')) return 'CAST5 has a 64-bit block (Sweet32 collisions)';
  if (n === 'idea' || n.startsWith('idea-')) return 'IDEA has a 64-bit block and is obsolete';
  if (n.endsWith('-ecb') || n === 'ecb') return 'ECB mode encrypts equal blocks to equal ciphertext and leaks patterns';
  return undefined;
}

/** Ciphers that take no IV, where an empty or null IV is expected rather than static. */
export function cipherTakesNoIv(name: string): boolean {
  const n = name.trim().toLowerCase();
  return n.endsWith('-ecb') || n === 'ecb' || n.startsWith('rc4') || n.endsWith('-wrap') || n.endsWith('-wrap-pad');
}

const WEAK_HASHES: ReadonlyMap<string, string> = new Map([
  ['md5', 'MD5'], ['md4', 'MD4'], ['md2', 'MD2'], ['sha1', 'SHA-1'], ['sha-1', 'SHA-1'], ['rsa-md5', 'MD5'], ['rsa-sha1', 'SHA-1'],
  ['rsa-sha1-2', 'SHA-1'], ['sha1withrsaencryption', 'SHA-1'], ['md5withrsaencryption', 'MD5'], ['mdc2', 'MDC2'],
  ['ecdsa-with-sha1', 'SHA-1'], ['dsa-sha1', 'SHA-1'], ['dsa-sha', 'SHA-1'], ['dsawithsha1', 'SHA-1'], ['rsa-md4', 'MD4'],
]);

/** 'MD5' / 'SHA-1' for a weak digest name in any common spelling, else undefined. */
export function weakHashName(name: string): string | undefined {
  return WEAK_HASHES.get(name.trim().toLowerCase());
}

/** Protocol pins and version bounds below TLS 1.2. */
export function oldTlsVersion(value: string): string | undefined {
  const v = value.trim();
  if (v === 'TLSv1' || v === 'TLSv1.0') return 'TLS 1.0';
  if (v === 'TLSv1.1') return 'TLS 1.1';
  if (v === 'SSLv3') return 'SSL 3.0';
  return undefined;
}

export function oldSecureProtocol(value: string): { version: string; replacement: string } | undefined {
  const v = value.trim();
  const suffixes = ['_client_method', '_server_method', '_method'];
  for (const suffix of suffixes) {
    if (!v.endsWith(suffix)) continue;
    const base = v.slice(0, v.length - suffix.length);
    const version = base === 'TLSv1' ? 'TLS 1.0' : base === 'TLSv1_1' ? 'TLS 1.1' : base === 'SSLv3' ? 'SSL 3.0' : base === 'SSLv2' ? 'SSL 2.0' : undefined;
    return version ? { version, replacement: `TLSv1_2${suffix}` } : undefined;
  }
  return undefined;
}

/** Weak entries of an OpenSSL cipher list ('DES-CBC3-SHA:AES128-SHA' -> ['DES-CBC3-SHA']); exclusions ('!RC4') are fine. */
export function weakCipherSuites(list: string): string[] {
  const weak: string[] = [];
  const entries = list.split(/[:, ]/);
  // `ALL:!aNULL:!3DES:...` is an allow-everything-then-subtract list: judged by what it subtracts, not by ALL.
  const subtracts = entries.some((x) => x.trim().startsWith('!'));
  for (const raw of entries) {
    const entry = raw.trim();
    if (!entry || entry.startsWith('!') || entry.startsWith('-')) continue;
    const e = (entry.startsWith('+') ? entry.slice(1) : entry).toUpperCase();
    const parts = e.split('-');
    // Cipher-string keywords: ALL adds the anonymous suites, LOW/MEDIUM the weak ones, and
    // @SECLEVEL=0 lets OpenSSL negotiate anything.
    const keywordWeak = e === '@SECLEVEL=0' || e === 'LOW' || (!subtracts && (e === 'ALL' || e === 'MEDIUM' || e === 'COMPLEMENTOFALL'));
    const isWeak =
      keywordWeak || e.includes('RC4') || e.includes('DES') || e.includes('RC2') || e.includes('IDEA') || e.includes('NULL') || e.includes('MD5') ||
      parts.includes('EXP') || e.startsWith('EXP') || e.startsWith('ADH') || e.startsWith('AECDH') || e.includes('ANON');
    if (isWeak) weak.push(entry);
  }
  return weak;
}
