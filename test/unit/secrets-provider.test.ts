// hardcoded-secret-provider: every provider format, valid (found, with the exact range of the
// value) and invalid (placeholders, truncated, wrong alphabet, documented examples: not found).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { maskSecret } from '../../src/core/mask';
import { ALNUM, assertClean, assertFlags, fake, HEX, pemPrivateKey, pick, secretFindings, UPPER_ALNUM, URLSAFE } from './secrets-support';

const RULE = 'hardcoded-secret-provider';

interface ProviderCase {
  provider: string;
  make: () => string;
  /** Variants that must not be reported (placeholders, wrong length or alphabet). */
  invalid: string[];
}

const CASES: ProviderCase[] = [
  { provider: 'AWS access key ID', make: fake.awsKeyId, invalid: ['AKIA' + 'IOSFODNN7EXAMPLE', 'AKIA' + 'X'.repeat(16), 'AKIA' + pick(UPPER_ALNUM, 15), 'AKIA' + pick(UPPER_ALNUM, 17)] },
  { provider: 'AWS temporary access key ID', make: fake.awsSessionKeyId, invalid: ['ASIA' + '0000000000000000'] },
  { provider: 'GitHub classic PAT', make: () => fake.githubClassic('ghp_'), invalid: ['ghp_' + 'x'.repeat(36), 'ghp_' + pick(ALNUM, 35), 'ghp_yourpersonalaccesstokengoeshere1234'] },
  { provider: 'GitHub OAuth token', make: () => fake.githubClassic('gho_'), invalid: ['gho_' + 'a'.repeat(36)] },
  { provider: 'GitHub app token', make: () => fake.githubClassic('ghs_'), invalid: ['ghs_' + '0123456789'.repeat(3) + 'abcdef'] },
  { provider: 'GitHub user token', make: () => fake.githubClassic('ghu_'), invalid: [] },
  { provider: 'GitHub refresh token', make: () => fake.githubClassic('ghr_'), invalid: [] },
  { provider: 'GitHub fine-grained PAT', make: fake.githubFineGrained, invalid: ['github_pat_' + pick(ALNUM, 22), 'github_pat_' + 'x'.repeat(22) + '_' + 'x'.repeat(59)] },
  { provider: 'GitLab PAT', make: fake.gitlab, invalid: ['glpat-xxxxxxxxxxxxxxxxxxxx', 'glpat-' + pick(URLSAFE, 12)] },
  { provider: 'Slack bot token', make: fake.slackBot, invalid: ['xoxb-your-bot-token', 'xoxb-' + pick(ALNUM, 30)] },
  { provider: 'Slack user token', make: fake.slackUser, invalid: ['xoxp-000000000000-000000000000-0000000000000-' + 'x'.repeat(32)] },
  { provider: 'Slack webhook', make: fake.slackWebhook, invalid: ['https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX', 'https://hooks.slack.com/services/'] },
  { provider: 'Stripe live secret key', make: fake.stripeLive, invalid: ['sk_live_...', 'sk_live_' + 'x'.repeat(24), 'sk_live_' + pick(ALNUM, 20)] },
  { provider: 'Stripe restricted key', make: fake.stripeRestricted, invalid: ['rk_live_XXXXXXXXXXXXXXXXXXXXXXXX'] },
  { provider: 'Stripe legacy 24-char key', make: fake.stripeLegacy, invalid: [] },
  { provider: 'Stripe webhook secret', make: fake.stripeWebhook, invalid: ['whsec_' + 'x'.repeat(32), 'whsec_...'] },
  { provider: 'OpenAI legacy key', make: fake.openAiLegacy, invalid: ['sk-...', 'sk-' + 'x'.repeat(48)] },
  { provider: 'OpenAI project key', make: fake.openAiProject, invalid: ['sk-proj-...'] },
  { provider: 'Anthropic key', make: fake.anthropic, invalid: ['sk-ant-api03-...', 'sk-ant-' + 'x'.repeat(90)] },
  { provider: 'Google API key', make: fake.googleApiKey, invalid: ['AIza' + pick(URLSAFE, 30), 'AIzaSyXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX'] },
  { provider: 'Google OAuth client secret', make: fake.googleClientSecret, invalid: ['GOCSPX-' + 'x'.repeat(28)] },
  { provider: 'Azure AD client secret', make: fake.azureClientSecret, invalid: ['abc1Q~' + 'x'.repeat(34)] },
  { provider: 'SendGrid key', make: fake.sendgrid, invalid: ['SG.xxxxxxxxxxxxxxxxxxxxxx.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'SG.' + pick(URLSAFE, 22)] },
  { provider: 'Mailgun key', make: fake.mailgun, invalid: ['00000000000000000000000000000000-00000000-00000000'] },
  { provider: 'Mailgun legacy key', make: fake.mailgunLegacy, invalid: ['key-' + 'x'.repeat(32), 'key-' + '3ax6xnjp29jd6fds4gc373sgvjxteol0'] },
  { provider: 'npm token', make: fake.npm, invalid: ['npm_' + 'x'.repeat(36), 'npm_' + pick(ALNUM, 30)] },
  { provider: 'PyPI token', make: fake.pypi, invalid: ['pypi-AgEIcHlwaS5vcmc', 'pypi-' + pick(URLSAFE, 50)] },
  { provider: 'Discord bot token', make: fake.discordBot, invalid: [`${Buffer.from('not-a-snowflake-id').toString('base64url')}.${pick(URLSAFE, 6)}.${pick(URLSAFE, 27)}`] },
  { provider: 'Discord webhook', make: fake.discordWebhook, invalid: ['https://discord.com/api/webhooks/123/abc'] },
  { provider: 'Telegram bot token', make: fake.telegram, invalid: ['123456789:AA' + 'x'.repeat(33), '12:AA' + pick(URLSAFE, 33)] },
  { provider: 'Shopify token', make: fake.shopify, invalid: ['shpat_' + 'x'.repeat(32), 'shpat_' + pick(HEX, 20)] },
  { provider: 'DigitalOcean token', make: fake.digitalOcean, invalid: ['dop_v1_' + '0'.repeat(64)] },
  { provider: 'Heroku API key', make: fake.herokuNew, invalid: ['HRKU-' + 'x'.repeat(60)] },
  { provider: 'Vault token', make: fake.vault, invalid: ['hvs.' + 'x'.repeat(90), 'hvs.short'] },
  { provider: 'SonarQube token', make: fake.sonar, invalid: ['squ_' + 'x'.repeat(40)] },
  { provider: 'Hugging Face token', make: fake.huggingFace, invalid: ['hf_' + 'x'.repeat(34)] },
  { provider: 'Doppler token', make: fake.doppler, invalid: [] },
  { provider: 'Postman key', make: fake.postman, invalid: [] },
  { provider: 'OpenRouter key', make: fake.openRouter, invalid: ['sk-or-v1-' + '0'.repeat(64)] },
  { provider: 'sk- hex API key', make: fake.skHex, invalid: ['sk-' + pick(HEX, 20), 'sk-' + 'abcdef'.repeat(6).slice(0, 32)] },
  { provider: 'Pinecone key', make: fake.pinecone, invalid: ['pcsk_' + 'x'.repeat(60)] },
  { provider: 'LangSmith key', make: fake.langSmith, invalid: [] },
  { provider: 'Brevo key', make: fake.brevo, invalid: ['xkeysib-' + 'x'.repeat(64) + '-' + 'x'.repeat(16)] },
  { provider: 'HubSpot private app token', make: fake.hubspot, invalid: ['pat-eu1-00000000-0000-0000-0000-000000000000'] },
  { provider: 'PlanetScale token', make: fake.planetScale, invalid: [] },
  { provider: 'Prefect key', make: fake.prefect, invalid: ['pnu_' + 'x'.repeat(36)] },
  { provider: 'Adafruit IO key', make: fake.adafruit, invalid: [] },
  { provider: 'Typeform token', make: fake.typeform, invalid: [] },
  { provider: 'ReadMe key', make: fake.readme, invalid: [] },
  { provider: 'Render key', make: fake.render, invalid: [] },
  { provider: 'Resend key', make: fake.resend, invalid: ['re_' + 'x'.repeat(8) + '_' + 'x'.repeat(24)] },
  { provider: 'JFrog API key', make: fake.jfrog, invalid: [] },
  { provider: 'JFrog reference token', make: fake.jfrogReference, invalid: [] },
  { provider: 'Alibaba AccessKey ID', make: fake.alibaba, invalid: ['LTAI' + 'x'.repeat(20)] },
  { provider: 'Tencent SecretId', make: fake.tencent, invalid: [] },
  { provider: 'Meta access token', make: fake.meta, invalid: ['EAAG' + pick(ALNUM, 40)] },
  { provider: 'Google OAuth refresh token', make: fake.googleRefresh, invalid: ['1//0' + pick(URLSAFE, 20)] },
  { provider: 'Amazon MWS token', make: fake.amazonMws, invalid: [] },
  { provider: 'Plaid access token', make: fake.plaid, invalid: ['access-sandbox-' + fake.uuid()] },
  { provider: 'Dropbox token', make: fake.dropbox, invalid: ['sl.' + pick(URLSAFE, 40)] },
  { provider: 'LaunchDarkly SDK key', make: fake.launchDarkly, invalid: [] },
  { provider: 'ClickUp token', make: fake.clickUp, invalid: [] },
  { provider: 'Intercom token', make: fake.intercom, invalid: [] },
  { provider: 'NuGet key', make: fake.nuget, invalid: [] },
  { provider: 'CircleCI token', make: fake.circleCi, invalid: [] },
  { provider: 'Microsoft Teams webhook', make: fake.teamsWebhook, invalid: ['https://acme.webhook.office.com/webhookb2/<group>@<tenant>/IncomingWebhook/<key>/<id>'] },
  { provider: 'JWT', make: fake.jwt, invalid: ['eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0', 'eyJ' + pick(URLSAFE, 30) + '.eyJ' + pick(URLSAFE, 30) + '.' + pick(URLSAFE, 43)] },
];

describe('hardcoded-secret-provider: provider formats', () => {
  for (const c of CASES) {
    it(`${c.provider}: found in code, .env, YAML and JSON with the exact range`, () => {
      const value = c.make();
      assertFlags(`const client = createClient('${value}');\n`, 'src/client.ts', [value], RULE);
      assertFlags(`SERVICE_CREDENTIAL=${value}\n`, '.env', [value], RULE);
      assertFlags(`service:\n  credential: "${value}"\n`, 'config/app.yaml', [value], RULE);
      assertFlags(`{\n  "credential": "${value}"\n}\n`, 'config/app.json', [value], RULE);
    });
    if (c.invalid.length > 0) {
      it(`${c.provider}: placeholders and malformed values are not reported`, () => {
        for (const value of c.invalid) {
          const text = `const client = createClient('${value}');\nvalue: ${value}\n`;
          assert.deepEqual(secretFindings(text, 'src/client.txt', RULE).map((f) => f.message), [], maskSecret(value));
        }
      });
    }
  }

  it('messages name the provider and show at most a masked prefix', () => {
    const value = fake.githubClassic();
    const [f] = assertFlags(`const RELEASE_TOKEN = '${value}';`, 'bot.js', [value], RULE);
    assert.match(f.message, /GitHub personal access token/);
    assert.ok(f.message.includes(maskSecret(value)));
    assert.equal(f.severity, 'error');
  });

  it('Stripe test-mode and publishable keys are not reported', () => {
    assertClean(`const a = '${fake.stripeTest()}';\nconst b = '${fake.stripePublishable()}';\n`, 'billing.ts');
  });

  it('AWS: the secret access key next to its key ID is found even under an unhelpful name', () => {
    const id = fake.awsKeyId();
    const secret = fake.awsSecret();
    const found = assertFlags(`new Credentials('${id}', '${secret}');`, 'aws.js', [id, secret], RULE);
    assert.match(found[1].message, /AWS secret access key/);
  });

  it('AWS documented example keys are not reported', () => {
    assertClean("const creds = { accessKeyId: 'AKIA' + 'IOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };\n" +
      `aws_access_key_id = ${'AKIA'}IOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n`, 'credentials.txt');
  });

  it('Twilio: the auth token after an account SID and the secret after an API key SID', () => {
    const sid = fake.twilioAccountSid();
    const token = fake.twilioToken();
    const keySid = fake.twilioApiKeySid();
    const apiSecret = fake.twilioApiSecret();
    const found = assertFlags(`const client = twilio('${sid}', '${token}');\nconst eu = twilio('${keySid}', '${apiSecret}', { accountSid });\n`, 'sms.js', [token, apiSecret], RULE);
    assert.match(found[0].message, /Twilio auth token/);
    assert.match(found[1].message, /Twilio API key secret/);
  });

  it('Azure storage connection strings: the account key', () => {
    const key = fake.azureStorageKey();
    assertFlags(`AZURE_STORAGE=DefaultEndpointsProtocol=https;AccountName=acmeprod;AccountKey=${key};EndpointSuffix=core.windows.net\n`, '.env', [key], RULE);
  });

  it('a Google service-account JSON: the private key, labelled as such', () => {
    const pem = pemPrivateKey().replace(/\n/g, '\\n');
    const json = `{\n  "type": "service_account",\n  "project_id": "acme",\n  "private_key": "${pem}",\n  "client_email": "x@acme.iam.gserviceaccount.com"\n}\n`;
    const [f] = assertFlags(json, 'keys/sa.json', [pem], RULE);
    assert.match(f.message, /Google service-account private key/);
  });

  it('Supabase anon keys (JWTs with role anon) are public by design; service_role keys are not', () => {
    assertClean(`const SUPABASE_ANON_KEY = '${fake.jwt({ role: 'anon', iss: 'supabase' })}';`, 'supabase.ts');
    const serviceKey = fake.jwt({ role: 'service_role', iss: 'supabase' });
    assertFlags(`const SUPABASE_SERVICE_KEY = '${serviceKey}';`, 'supabase.ts', [serviceKey], RULE);
  });

  it('JWTs in test files are fixtures and are not reported', () => {
    assertClean(`const token = '${fake.jwt()}';`, 'src/__tests__/auth.test.ts');
  });
});

describe('hardcoded-secret-provider: PEM private keys', () => {
  it('a multi-line key in a template literal: the range runs from -----BEGIN to -----END …-----', () => {
    const pem = pemPrivateKey();
    const code = `// signing key\nconst KEY = \`${pem}\`;\n`;
    const [f] = assertFlags(code, 'sign.ts', [pem], RULE);
    assert.equal(code.slice(f.start, f.start + 10), '-----BEGIN');
    assert.match(f.message, /private key/);
  });

  it('RSA, EC and OpenSSH headers, and keys built by string concatenation', () => {
    const body = pemPrivateKey().split('\n').slice(1, -1);
    for (const type of ['RSA ', 'EC ', 'OPENSSH ', 'ENCRYPTED ', '']) {
      const lines = [`'-----BEGIN ${type}PRIVATE KEY-----\\n' +`, ...body.map((l) => `  '${l}\\n' +`), `  '-----END ${type}PRIVATE KEY-----'`];
      const code = `const key =\n  ${lines.join('\n')};\n`;
      const found = secretFindings(code, 'key.js', RULE);
      assert.equal(found.length, 1, type);
      assert.ok(code.slice(found[0].start).startsWith(`-----BEGIN ${type}PRIVATE KEY-----`));
    }
  });

  it('markers without a body, public keys, certificates and elided bodies are not keys', () => {
    assertClean("const MARKERS = [\n  '-----BEGIN PRIVATE KEY-----',\n  '-----BEGIN RSA PRIVATE KEY-----',\n];\n", 'detect.ts');
    const pub = pemPrivateKey().replace(/PRIVATE KEY/g, 'PUBLIC KEY');
    assertClean(`const PUB = \`${pub}\`;`, 'verify.ts');
    assertClean('const KEY = `-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC...\n-----END PRIVATE KEY-----`;', 'docs.ts');
  });

  it('a PEM key base64-encoded once more (Kubernetes Secret data)', () => {
    const encoded = Buffer.from(pemPrivateKey() + '\n').toString('base64');
    const [f] = assertFlags(`kind: Secret\ndata:\n  tls.key: ${encoded}\n`, 'k8s/tls.yaml', [encoded], RULE);
    assert.match(f.message, /base64-encoded private key/);
    assertClean(`data:\n  tls.crt: ${Buffer.from('-----BEGIN CERTIFICATE-----\n' + 'MIIB'.repeat(30) + '\n-----END CERTIFICATE-----').toString('base64')}\n`, 'k8s/tls.yaml');
  });

  it('keys inside fixture folders are test material', () => {
    assertClean(pemPrivateKey(), 'test/fixtures/keys/server.key');
  });
});

describe('hardcoded-secret-provider: credentials in URLs and connection strings', () => {
  it('the password of a database URL, in any file kind', () => {
    const pw = fake.password(22).replace(/[+]/g, 'x');
    for (const [file, text] of [
      ['.env', `DATABASE_URL=postgres://app:${pw}@db.internal:5432/app\n`],
      ['db.js', `const url = 'mongodb+srv://reporting:${pw}@cluster0.abcde.mongodb.net/analytics';\n`],
      ['compose.yml', `environment:\n  REDIS_URL: rediss://:${pw}@cache-prod:6380/0\n`],
      ['seed.py', `DSN = "postgresql://seed:${pw}@db-staging.internal:5432/orders"\n`],
    ]) {
      const [f] = assertFlags(text, file, [pw], RULE);
      assert.match(f.message, /connection string/);
    }
  });

  it('template variables, placeholders, defaults, and weak passwords on localhost are not reported', () => {
    assertClean([
      'const a = `postgres://svc:${process.env.DB_PASSWORD}@db:5432/x`;',
      "const b = 'postgres://user:password@localhost:5432/app';",
      "const c = 'postgres://postgres:postgres@localhost:5432/test';",
      "const d = 'http://user:pass@localhost:4010';",
      "const e = 'amqp://guest:guest@rabbit:5672';",
      "const f = 'redis://:changeme@cache:6379';",
      "const g = 'https://sentry.io/api/0/'; // no credentials",
      "const h = 'postgres://USER:PASSWORD@host/db';",
      "const i = 'mysql://root:<password>@db/app';",
    ].join('\n'), 'db.ts');
  });

  it('secrets in URL query strings, but not placeholders or references', () => {
    const t = fake.token(32);
    assertFlags(`const feed = 'https://api.partner.io/v2/orders?limit=50&api_key=${t}';`, 'feed.js', [t], RULE);
    assertFlags(`curl "https://gitlab.acme.io/api/v4/projects?private_token=${t}"\n`, 'ci.sh', [t], RULE);
    assertClean("const a = 'https://api.partner.io/v2?api_key=YOUR_API_KEY';\nconst b = `https://x.io/?token=${token}`;\nconst c = 'https://x.io/?token=abc';", 'feed.js');
  });

  it('semicolon connection strings and JDBC query parameters', () => {
    const pw = fake.password(16).replace(/[+;]/g, 'q');
    assertFlags(`const cs = 'Server=tcp:sql.acme.io,1433;Database=app;User Id=svc;Password=${pw};Encrypt=true';`, 'db.cs.ts', [pw], RULE);
    assertFlags(`url=jdbc:sqlserver://db:1433;databaseName=app;user=svc;password=${pw}\n`, 'app.properties', [pw], RULE);
  });
});

describe('hardcoded-secret-provider: Authorization headers and basic auth', () => {
  it('Bearer tokens and Basic credentials written as literals', () => {
    const token = fake.token(40);
    assertFlags(`headers: { Authorization: 'Bearer ${token}' }`, 'client.js', [token], RULE);
    const basic = Buffer.from(`svc-export:${fake.password(18)}`).toString('base64');
    assertFlags(`curl -H "Authorization: Basic ${basic}" https://api.acme.io\n`, 'sync.sh', [basic], RULE);
  });

  it("'Basic ' + Buffer.from('user:password').toString('base64'): the password", () => {
    const pw = fake.password(18).replace(/[+]/g, 'k');
    assertFlags(`const h = { Authorization: 'Basic ' + Buffer.from('svc-export:${pw}').toString('base64') };`, 'export.js', [pw], RULE);
    assertFlags(`headers = {"Authorization": "Basic " + base64.b64encode(b"svc:${pw}").decode()}`, 'export.py', [pw], RULE);
  });

  it("other schemes ('Token', 'Bot') only after an Authorization header name", () => {
    const token = fake.hex(40);
    assertFlags(`fetch(url, { headers: { Authorization: 'Token ${token}' } });`, 'drf.js', [token], RULE);
    assertClean(`const note = 'token ${fake.token(24)} is the example';`, 'a.js');
  });

  it('secrets passed as command-line flags', () => {
    const pw = fake.password(20).replace(/[+*]/g, 'm');
    const token = fake.token(40);
    const script = [
      `mysql -u root -p${pw} orders < dump.sql`,
      `docker login registry.acme.io -u deploy -p ${pw}`,
      `vault-cli sync --token=${token}`,
      'mysql -u root -p orders',
      'deploy --password "$DEPLOY_PASSWORD"',
      'tar -p -cf out.tar dist',
    ].join('\n');
    assertFlags(script, 'scripts/restore.sh', [pw, pw, token], RULE);
  });

  it('template and placeholder headers are not reported', () => {
    assertClean([
      'headers: { Authorization: `Bearer ${token}` },',
      "const CURL = \"curl -H 'Authorization: Bearer <YOUR_TOKEN>' https://api.acme.io\";",
      "const h2 = 'Bearer YOUR_ACCESS_TOKEN';",
      `const h3 = 'Basic ${Buffer.from('user:password').toString('base64')}';`,
      "const doc = 'Bearer tokens are accepted on every endpoint';",
    ].join('\n'), 'client.ts');
  });

  it('curl -u user:password, but not variables or other -u flags', () => {
    const pw = fake.password(22).replace(/[+]/g, 'z');
    assertFlags(`curl -sf -u "mirror:${pw}" -X POST https://artifacts.acme.io/api/sync\n`, 'publish.sh', [pw], RULE);
    assertClean('curl -u "${NEXUS_USER}:${NEXUS_PASSWORD}" https://nexus\ngit push -u origin main\ndocker run -u 1000:1000 node\n', 'publish.sh');
  });

  it('.netrc passwords', () => {
    const pw = fake.token(32);
    assertFlags(`machine api.acme.io\n  login deploy-bot\n  password ${pw}\n`, 'home/.netrc', [pw], RULE);
    assertClean('machine localhost login me password changeme\n', '.netrc');
  });

  it('.npmrc auth tokens, but not environment references', () => {
    const uuid = fake.uuid();
    assertFlags(`//registry.npmjs.org/:_authToken=${uuid}\n`, '.npmrc', [uuid], RULE);
    assertClean('//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n', '.npmrc');
  });
});

describe('hardcoded-secret-provider: quick fix', () => {
  it('replaces a whole JS string literal with process.env, named after the constant', () => {
    const value = fake.githubClassic();
    const code = `const RELEASE_BOT_TOKEN = '${value}';`;
    const [f] = secretFindings(code, 'bot.js', RULE);
    assert.deepEqual(f.fix, { title: 'Replace with process.env.RELEASE_BOT_TOKEN', edits: [{ start: 26, end: 26 + value.length + 2, newText: 'process.env.RELEASE_BOT_TOKEN' }] });
  });

  it('uses the provider name when the literal is an argument, and braces in JSX attributes', () => {
    const value = fake.stripeLive();
    const [f] = secretFindings(`const stripe = new Stripe('${value}');`, 'pay.ts', RULE);
    assert.equal(f.fix?.edits[0].newText, 'process.env.STRIPE_SECRET_KEY');
    const key = fake.googleApiKey();
    const [g] = secretFindings(`const Map = () => <GoogleMap apiKey="${key}" />;`, 'Map.tsx', RULE);
    assert.equal(g.fix?.edits[0].newText, '{process.env.GOOGLE_API_KEY}');
  });

  it('offers no fix when the secret is part of a longer string, or outside JS/TS', () => {
    const token = fake.token(40);
    const [f] = secretFindings(`const h = 'Bearer ${token}';`, 'a.js', RULE);
    assert.equal(f.fix, undefined);
    const [g] = secretFindings(`TOKEN=${fake.npm()}\n`, '.env', RULE);
    assert.equal(g.fix, undefined);
  });
});
