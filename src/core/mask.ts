// Secrets stay secret: whatever prints a secret-bearing value prints it through here.

/** 'sk_live_abc...' -> 'sk_l…(32 chars)'. At most four characters of the value are shown. */
export function maskSecret(value: string): string {
  const shown = value.length >= 16 ? 4 : value.length >= 8 ? 2 : 0;
  return `${value.slice(0, shown)}…(${value.length} chars)`;
}
