// Secrets recognised by what stands next to them, or by a marker inside them:
// - an AWS secret access key follows its access key ID; a Twilio auth token or API-key secret
//   follows its SID: the secret itself has no prefix, its partner does;
// - OpenAI keys carry 'T3BlbkFJ' (base64 of 'OpenAI'), Telegram bot tokens ':AA', Azure AD
//   client secrets 'Q~', Terraform Cloud tokens '.atlasv1.', FCM server keys ':APA91b';
// - Mailgun, Mailchimp and Discord bot tokens have a fixed shape but no prefix.
import { isHex, looksRandom } from './entropy';
import { isDocumentedExample } from './placeholders';
import { boundaryBefore, PRIORITY, stickyMatch, type Detector, type SecretMatch } from './scan';
import { tokenBodyLooksRandom } from './token-patterns';

/** The first maximal run of `isChar` characters of exactly `length` in [from, to). */
function runOfLength(text: string, from: number, to: number, length: number, isChar: (c: number) => boolean, accept: (run: string) => boolean): number | undefined {
  let runStart = -1;
  const end = Math.min(to, text.length);
  for (let i = from; i <= end; i++) {
    const inRun = i < end && isChar(text.charCodeAt(i));
    if (inRun && runStart < 0) runStart = i;
    if (!inRun && runStart >= 0) {
      if (i - runStart === length && (i >= text.length || !isChar(text.charCodeAt(i))) && accept(text.slice(runStart, i))) return runStart;
      runStart = -1;
    }
  }
  return undefined;
}

const isAlnum = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isBase64 = (c: number): boolean => isAlnum(c) || c === 43 || c === 47;

const AWS_KEY_ID = /(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Za-z0-9])/y;

/** A 40-character base64 string within a few lines after an AWS access key ID is its secret. */
export const awsSecretAfterKeyIdDetector: Detector = {
  id: 'aws-secret-access-key',
  anchors: ['AKIA', 'ASIA'],
  detect(scan, at): SecretMatch | undefined {
    const { text } = scan;
    if (!boundaryBefore(text, at)) return undefined;
    const id = stickyMatch(AWS_KEY_ID, text, at);
    if (!id || isDocumentedExample(id[0])) return undefined;
    const from = at + id[0].length;
    const start = runOfLength(text, from, from + 400, 40, isBase64, (run) =>
      !isHex(run) && !isDocumentedExample(run) && looksRandom(run, 40));
    if (start === undefined || text[start + 40] === '=') return undefined;
    return { start, end: start + 40, label: 'AWS secret access key', envName: 'AWS_SECRET_ACCESS_KEY', detector: 'aws-secret-access-key', priority: PRIORITY.paired };
  },
};

const TWILIO_SID = /(AC|SK)[0-9a-f]{32}(?![A-Za-z0-9])/y;

/** Account SID (AC…) or API key SID (SK…), then within a few lines a 32-character secret. */
export const twilioSecretAfterSidDetector: Detector = {
  id: 'twilio-secret',
  anchors: ['AC', 'SK'],
  detect(scan, at): SecretMatch | undefined {
    const { text } = scan;
    if (!boundaryBefore(text, at)) return undefined;
    const m = stickyMatch(TWILIO_SID, text, at);
    if (!m) return undefined;
    const from = at + m[0].length;
    const start = runOfLength(text, from, from + 200, 32, isAlnum, (run) => !/^(?:AC|SK)[0-9a-f]{30}$/.test(run) && looksRandom(run, 16) && !isDocumentedExample(run));
    if (start === undefined) return undefined;
    const label = m[1] === 'AC' ? 'Twilio auth token' : 'Twilio API key secret';
    return { start, end: start + 32, label, envName: m[1] === 'AC' ? 'TWILIO_AUTH_TOKEN' : 'TWILIO_API_SECRET', detector: 'twilio-secret', priority: PRIORITY.paired };
  },
};

const isTokenChar = (c: number): boolean => isAlnum(c) || c === 95 || c === 45; // _ -

/** OpenAI keys: 'sk-' … 'T3BlbkFJ' … (the marker is base64 for 'OpenAI'). */
export const openAiMarkerDetector: Detector = {
  id: 'openai-api-key',
  anchors: ['T3BlbkFJ'],
  detect(scan, at): SecretMatch | undefined {
    const { text } = scan;
    let start = at;
    while (start > 0 && at - start < 250 && isTokenChar(text.charCodeAt(start - 1))) start--;
    if (!text.startsWith('sk-', start) || !boundaryBefore(text, start)) return undefined;
    let end = at + 8;
    while (end < text.length && end - at < 250 && isTokenChar(text.charCodeAt(end))) end++;
    if (end - (at + 8) < 16 || at - start < 20) return undefined;
    const value = text.slice(start, end);
    if (!tokenBodyLooksRandom(value.slice(3).replace('T3BlbkFJ', ''))) return undefined;
    return { start, end, label: 'OpenAI API key', envName: 'OPENAI_API_KEY', detector: 'openai-api-key', priority: PRIORITY.token };
  },
};

const TELEGRAM_TAIL = /:AA[A-Za-z0-9_-]{33}(?![A-Za-z0-9_-])/y;

/** Telegram bot token: '<bot id>:AA' + 33 characters. */
export const telegramDetector: Detector = {
  id: 'telegram-bot-token',
  anchors: [':AA'],
  detect(scan, at): SecretMatch | undefined {
    const { text } = scan;
    let start = at;
    while (start > 0 && at - start <= 10 && text.charCodeAt(start - 1) >= 48 && text.charCodeAt(start - 1) <= 57) start--;
    if (at - start < 8 || at - start > 10 || !boundaryBefore(text, start, /[A-Za-z0-9_:]/)) return undefined;
    const m = stickyMatch(TELEGRAM_TAIL, text, at);
    if (!m || !tokenBodyLooksRandom(m[0].slice(3))) return undefined;
    return { start, end: at + m[0].length, label: 'Telegram bot token', envName: 'TELEGRAM_BOT_TOKEN', detector: 'telegram-bot-token', priority: PRIORITY.token };
  },
};

const AZURE_CLIENT_SECRET = /[A-Za-z0-9_~.-]{3}\dQ~[A-Za-z0-9_~.-]{31,34}(?![A-Za-z0-9_~.-])/y;

/** Azure AD (Entra ID) client secret: three characters, a digit, 'Q~', then 31–34 characters. */
export const azureClientSecretDetector: Detector = {
  id: 'azure-client-secret',
  anchors: ['Q~'],
  detect(scan, at): SecretMatch | undefined {
    const { text } = scan;
    const start = at - 4;
    if (start < 0 || !boundaryBefore(text, start, /[A-Za-z0-9_~.-]/)) return undefined;
    const m = stickyMatch(AZURE_CLIENT_SECRET, text, start);
    if (!m || !tokenBodyLooksRandom(m[0].slice(6))) return undefined;
    return { start, end: start + m[0].length, label: 'Azure AD client secret', envName: 'AZURE_CLIENT_SECRET', detector: 'azure-client-secret', priority: PRIORITY.token };
  },
};

const TERRAFORM_TOKEN = /[A-Za-z0-9]{14}\.atlasv1\.[A-Za-z0-9_=-]{60,90}(?![A-Za-z0-9_=-])/y;

export const terraformCloudDetector: Detector = {
  id: 'terraform-cloud-token',
  anchors: ['.atlasv1.'],
  detect(scan, at): SecretMatch | undefined {
    const { text } = scan;
    const start = at - 14;
    if (start < 0 || !boundaryBefore(text, start)) return undefined;
    const m = stickyMatch(TERRAFORM_TOKEN, text, start);
    if (!m || !tokenBodyLooksRandom(m[0].slice(23))) return undefined;
    return { start, end: start + m[0].length, label: 'Terraform Cloud API token', envName: 'TFE_TOKEN', detector: 'terraform-cloud-token', priority: PRIORITY.token };
  },
};

const FCM_SERVER_KEY = /AAAA[A-Za-z0-9_-]{7}:APA91b[A-Za-z0-9_-]{134}(?![A-Za-z0-9_-])/y;

export const firebaseServerKeyDetector: Detector = {
  id: 'firebase-server-key',
  anchors: [':APA91b'],
  detect(scan, at): SecretMatch | undefined {
    const { text } = scan;
    const start = at - 11;
    if (start < 0 || !boundaryBefore(text, start)) return undefined;
    const m = stickyMatch(FCM_SERVER_KEY, text, start);
    if (!m || !tokenBodyLooksRandom(m[0].slice(18))) return undefined;
    return { start, end: start + m[0].length, label: 'Firebase Cloud Messaging server key', envName: 'FCM_SERVER_KEY', detector: 'firebase-server-key', priority: PRIORITY.token };
  },
};

const isLowerHex = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 97 && c <= 102);

/** Start of the run of exactly `length` lower-case hex characters ending at `end`, if bounded. */
function hexRunEndingAt(text: string, end: number, length: number): number | undefined {
  const start = end - length;
  if (start < 0 || !boundaryBefore(text, start, /[A-Za-z0-9-]/)) return undefined;
  for (let i = start; i < end; i++) if (!isLowerHex(text.charCodeAt(i))) return undefined;
  return start;
}

const MAILGUN_TAIL = /-[0-9a-f]{8}-[0-9a-f]{8}(?![A-Za-z0-9-])/y;

/** Mailgun private API key, current format: 32 hex, 8 hex, 8 hex (found from its first dash). */
export const mailgunKeyDetector: Detector = {
  id: 'mailgun-api-key',
  anchors: [...'0123456789abcdef'].map((c) => `${c}-`),
  detect(scan, at): SecretMatch | undefined {
    const { text } = scan;
    const dash = at + 1;
    const start = hexRunEndingAt(text, dash, 32);
    if (start === undefined) return undefined;
    const m = stickyMatch(MAILGUN_TAIL, text, dash);
    if (!m || !tokenBodyLooksRandom(text.slice(start, dash))) return undefined;
    return { start, end: dash + m[0].length, label: 'Mailgun API key', envName: 'MAILGUN_API_KEY', detector: 'mailgun-api-key', priority: PRIORITY.token };
  },
};

const MAILCHIMP_TAIL = /-us\d{1,2}(?![A-Za-z0-9-])/y;

/** Mailchimp API key: 32 hex then the datacenter ('-us21'). */
export const mailchimpKeyDetector: Detector = {
  id: 'mailchimp-api-key',
  anchors: ['-us'],
  detect(scan, at): SecretMatch | undefined {
    const { text } = scan;
    const start = hexRunEndingAt(text, at, 32);
    if (start === undefined) return undefined;
    const m = stickyMatch(MAILCHIMP_TAIL, text, at);
    if (!m || !tokenBodyLooksRandom(text.slice(start, at))) return undefined;
    return { start, end: at + m[0].length, label: 'Mailchimp API key', envName: 'MAILCHIMP_API_KEY', detector: 'mailchimp-api-key', priority: PRIORITY.token };
  },
};

const DISCORD_BOT_TOKEN = /[MNO][A-Za-z0-9_-]{23,27}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,38}(?![A-Za-z0-9_.-])/y;

/**
 * Discord bot token: base64 of the bot's numeric user id, a timestamp part, an HMAC part. The id
 * is ASCII digits, so the token starts with the base64 of a digit ('MT', 'Mj', … 'OT'), and its
 * first part must decode to a 17–20 digit snowflake, which random dotted strings do not.
 */
export const discordBotTokenDetector: Detector = {
  id: 'discord-bot-token',
  anchors: ['MT', 'Mj', 'Mz', 'ND', 'NT', 'Nj', 'Nz', 'OD', 'OT'],
  detect(scan, at): SecretMatch | undefined {
    const { text } = scan;
    if (!boundaryBefore(text, at, /[A-Za-z0-9_.-]/)) return undefined;
    const m = stickyMatch(DISCORD_BOT_TOKEN, text, at);
    if (!m) return undefined;
    const id = Buffer.from(m[0].slice(0, m[0].indexOf('.')), 'base64url').toString('latin1');
    if (!/^\d{17,20}$/.test(id) || !tokenBodyLooksRandom(m[0].slice(m[0].lastIndexOf('.') + 1))) return undefined;
    return { start: at, end: at + m[0].length, label: 'Discord bot token', envName: 'DISCORD_BOT_TOKEN', detector: 'discord-bot-token', priority: PRIORITY.token };
  },
};
