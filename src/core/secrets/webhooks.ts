// Webhook URLs whose path is the credential: whoever knows the URL can post to the channel.
// Microsoft Teams incoming webhooks have a recognisable format (a detector); other services
// (Mattermost, Rocket.Chat, Zapier, IFTTT, webhook relays) put a random key somewhere in the
// path, which the generic rule finds when the name or the host says "webhook".
import { isHex, looksRandom } from './entropy';
import { boundaryBefore, PRIORITY, stickyMatch, type Detector, type SecretMatch } from './scan';
import { tokenBodyLooksRandom } from './token-patterns';

const TEAMS_PATH = /webhookb2\/[0-9a-f-]{36}@[0-9a-f-]{36}\/IncomingWebhook\/([0-9a-f]{32})\/[0-9a-f-]{36}(?:\/[A-Za-z0-9_-]{20,100})?(?![A-Za-z0-9_-])/y;
const LEGACY_TEAMS_PATH = /webhook\/[0-9a-f-]{36}@[0-9a-f-]{36}\/IncomingWebhook\/([0-9a-f]{32})\/[0-9a-f-]{36}(?![A-Za-z0-9_-])/y;

/** Microsoft Teams incoming webhook: `https://<tenant>.webhook.office.com/webhookb2/<group>@<tenant>/IncomingWebhook/<key>/<id>`. */
export const teamsWebhookDetector: Detector = {
  id: 'teams-webhook',
  anchors: ['.webhook.office.com/', 'outlook.office.com/'],
  detect(scan, at, anchor): SecretMatch | undefined {
    const { text } = scan;
    const pathStart = at + anchor.length;
    const m = stickyMatch(anchor === 'outlook.office.com/' ? LEGACY_TEAMS_PATH : TEAMS_PATH, text, pathStart);
    if (!m || !tokenBodyLooksRandom(m[1])) return undefined;
    // The URL starts at its scheme, before the tenant's sub-domain.
    let start = at;
    while (start > 0 && at - start < 100 && /[A-Za-z0-9.-]/.test(text[start - 1])) start--;
    if (text.startsWith('://', start - 3)) {
      start -= 3;
      while (start > 0 && /[a-z]/.test(text[start - 1])) start--;
    } else if (!boundaryBefore(text, start, /[A-Za-z0-9./:-]/)) {
      return undefined;
    }
    return { start, end: pathStart + m[0].length, label: 'Microsoft Teams incoming webhook URL', envName: 'TEAMS_WEBHOOK_URL', detector: 'teams-webhook', priority: PRIORITY.token };
  },
};

const HOOK_WORDS = new Set(['webhook', 'webhooks', 'hook', 'hooks', 'webhookurl', 'hookurl']);

/** The name or its context calls the value a webhook (`SLACK_WEBHOOK`, `[webhooks] teams_url`). */
export function namesWebhook(words: readonly string[]): boolean {
  return words.some((w) => HOOK_WORDS.has(w));
}

const URL_PARTS = /^[a-zA-Z][a-zA-Z0-9+.-]{1,20}:\/\/([^/?#\s]{1,255})([^\s]{0,2000})$/;

/**
 * A URL carrying a random key in its path or query (`/hooks/3f9…`, `/with/key/dK8…`): the URL is
 * the credential. `namedWebhook`: the name already says webhook; otherwise the host must.
 */
export function isSecretWebhookUrl(value: string, namedWebhook: boolean): boolean {
  const m = URL_PARTS.exec(value);
  if (!m) return false;
  const [, host, rest] = m;
  if (!namedWebhook && !/webhook/i.test(host)) return false;
  if (/[{}$<>]|%7B/.test(rest)) return false; // templates and placeholders
  for (const segment of rest.split(/[/?&=@#]/)) {
    if (segment.length < 16 || segment.length > 200) continue;
    if (isHex(segment) ? segment.length >= 24 && looksRandom(segment, 16) : looksRandom(segment, 16)) return true;
  }
  return false;
}
