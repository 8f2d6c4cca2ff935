// hardcoded-secret-generic: random values (and real-looking passwords) assigned to secret-like
// names, in every file kind; placeholders, references, hashes, identifiers and look-alikes not.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertClean, assertFlags, assertSameValues, fake, masked, secretFindings } from './secrets-support';

const RULE = 'hardcoded-secret-generic';

describe('hardcoded-secret-generic: names and values in code', () => {
  it('variables, properties, class fields, defaults, parameters, element writes', () => {
    const [a, b, c, d, e, f, g, h] = [fake.token(), fake.password(), fake.hex(64), fake.token(32), fake.token(48), fake.password(24), fake.token(36), fake.token(40)];
    const code = [
      `const JWT_REFRESH_SECRET = '${a}';`,
      `const pool = new Pool({ host: 'db', user: 'svc', password: '${b}' });`,
      `export const FIELD_ENCRYPTION_KEY = '${c}';`,
      `const headers = { 'X-Api-Key': '${d}' };`,
      `const SESSION = process.env.SESSION_SECRET || '${e}';`,
      'class Client {',
      `  private clientSecret = '${f}';`,
      '}',
      `function connect(apiToken = '${g}') {}`,
      `config['authToken'] = '${h}';`,
    ].join('\n');
    assertFlags(code, 'src/config.ts', [a, b, c, d, e, f, g, h], RULE);
  });

  it('configuration embedded in a template literal', () => {
    const v = fake.token(40);
    const code = `const ENV_FILE = \`\nNODE_ENV=production\nINTERNAL_TOKEN=${v}\n\`;\n`;
    assertFlags(code, 'scripts/write-env.ts', [v], RULE);
  });

  it('JSX attributes and setter calls', () => {
    const [a, b, c] = [fake.token(32), fake.token(40), fake.token(40)];
    assertFlags(`const el = <Widget apiKey="${a}" />;\nsgMail.setApiKey('${b}');\napp.set('jwtSecret', '${c}');\napp.set('view engine', 'handlebars');\n`, 'src/App.tsx', [a, b, c], RULE);
  });

  it('literals passed where an API expects a secret, and through Buffer.from', () => {
    const [a, b, c, d] = [fake.token(40), fake.hex(64), fake.token(32), fake.hex(64)];
    const code = [
      `const token = jwt.sign({ sub: user.id }, '${a}', { expiresIn: '15m' });`,
      `const mac = crypto.createHmac('sha256', '${b}').update(body).digest('hex');`,
      `app.use(cookieParser('${c}'));`,
      `const ENCRYPTION_KEY = Buffer.from('${d}', 'hex');`,
      "const digest = crypto.createHash('sha256').update('some-constant-input').digest('hex');",
      "const KEY = Buffer.from(process.env.KEY ?? '', 'base64');",
    ].join('\n');
    assertFlags(code, 'src/auth.ts', [a, b, c, d], RULE);
  });

  it('messages name the kind, the name and the provider, with a masked value', () => {
    const v = fake.datadogKey();
    const [f] = assertFlags(`const DATADOG_API_KEY = '${v}';`, 'deploy.mjs', [v], RULE);
    assert.match(f.message, /^Hardcoded Datadog API key in "DATADOG_API_KEY" \(/);
    const [g] = assertFlags(`const integrations = { datadog: { apiKey: '${v}' } };`, 'cfg.js', [v], RULE);
    assert.match(g.message, /Datadog API key in "apiKey"/);
  });

  it('hex secrets under secret names are secrets; hex digests under other names are not', () => {
    const v = fake.hex(40);
    assertFlags(`const WEBHOOK_SECRET = '${v}';`, 'hook.js', [v], RULE);
    assertClean(`const BUILD_COMMIT = '${v}';\nconst EMPTY_SHA256 = '${fake.hex(64)}';\nconst checksum = '${fake.hex(32)}';`, 'build.js');
  });

  it('names that mention a secret but hold something else are not reported', () => {
    assertClean([
      "export const PASSWORD_FIELD = 'password';",
      "export const TOKEN_HEADER = 'x-auth-token';",
      "export const API_KEY_HEADER = 'x-api-key';",
      "const ACCESS_TOKEN_COOKIE = 'acme_at';",
      "const passwordResetTokenTtl = '1h';",
      "const TOKEN_METRIC = 'api.tokens.consumed';",
      "const SECRET_STORE = 'aws-secrets-manager';",
      "const DB_SECRET_ARN = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/db-Qm4x7L';",
      "const ARCHIVE_SECRET_PARAM = '/billing/prod/archive-secret-access-key';",
      `const templates = { passwordReset: 'd-${fake.hex(32)}' };`,
      `const nextPageToken = '${fake.token(24)}';`,
      `const STRIPE_PUBLISHABLE_KEY = '${fake.token(32)}';`,
      `const cacheKey = '${fake.token(32)}';`,
      "const SETUP_HINT = 'Set SLACK_BOT_TOKEN=xoxb-your-bot-token in the environment';",
      "const TOKEN_SHAPE = /^gh[pousr]_[A-Za-z0-9]{36}$/;",
      "type ApiToken = 'bearer' | 'basic';",
      "const RefreshTokenClientAcquireToken = 'refreshTokenClientAcquireToken';",
      "const messages = { password: 'Password', secret: 'Geheimnis', apiToken: 'Personal access token' };",
    ].join('\n'), 'src/constants.ts');
  });

  it('placeholders, references, hashes, UUIDs, integrity strings, URLs and paths are not reported', () => {
    assertClean([
      "const a = { secret: process.env.SESSION_SECRET, token: process.env.TOKEN ?? '' };",
      "const JWT_SECRET = 'changeme';",
      "const API_KEY = 'your-api-key-here';",
      "const API_TOKEN = '${API_TOKEN}';",
      "const MASKED_SECRET = '********';",
      "const EXAMPLE_TOKEN = 'xxxxxxxxxxxxxxxx';",
      "const DUMMY_API_KEY = 'dummy-api-key';",
      "const SESSION_SECRET = 'test-secret';",
      "const ADMIN_PASSWORD_HASH = '$2b$12$bV2xBmPOI8oM.A59eqDy0unD9VGOOBHaNo.3iiUwtlJWJnZDvJJC6';",
      `const tenantToken = '${fake.uuid()}';`,
      "const integrityToken = 'sha512-J7RCltSDO0dU1l8YJFtakGSOWjKZANbH3U1dKIcbhOwjTBMezC1ysEvGWEaePGgDVb+l2qP7/utzMv5jUkEFvw==';",
      "const TOKEN_URL = 'https://auth.acme.io/oauth2/token';",
      "const PRIVATE_KEY = './keys/dev-private.pem';",
      "const secret = 'abc123def456';",
      "const password = 'password123';",
      "const apiKey = 'AKIA' + 'IOSFODNN7EXAMPLE';",
      "const SECRET = 'JWT_SECRET';",
      `const encryptedPassword = '${fake.token(44)}';`,
      "const DB_PASSWORD = 'ENC[AES256_GCM,data:Tr7o1w==,iv:1234,tag:abcd,type:str]';",
      `const token = 'U2FsdGVkX1${fake.token(30)}';`,
    ].join('\n'), 'src/config.ts');
    assertClean(`kind: SealedSecret\nspec:\n  encryptedData:\n    password: Ag${fake.token(60)}\n`, 'k8s/sealed.yaml');
  });

  it('human passwords count for password names, but not in tests and not for other names', () => {
    assertFlags("const ADMIN_PASSWORD = 'Summer2024!x';", 'seed.js', ['Summer2024!x'], RULE);
    assertClean("const users = [{ email: 'a@b.c', password: 'Summer2024!x' }];", 'test/users.test.js');
    assertClean("const sessionSecret = 'Summer2024!x';", 'app.js');
  });

  it('random values in test files are still reported, unless the name says they are test values', () => {
    const v = fake.token(40);
    assertFlags(`const INTERNAL_API_TOKEN = '${v}';\nconst TEST_SIGNING_SECRET = '${fake.token(40)}';`, 'test/api.test.ts', [v], RULE);
  });

  it('provides the process.env fix for JS/TS literals', () => {
    const v = fake.token(40);
    const code = `export const webhookSigning = { secret: '${v}', header: 'x-sig' };`;
    const [f] = secretFindings(code, 'hooks.ts', RULE);
    assert.equal(f.fix?.title, 'Replace with process.env.WEBHOOK_SIGNING_SECRET');
    assert.equal(f.fix?.edits[0].newText, 'process.env.WEBHOOK_SIGNING_SECRET');
    assert.equal(code.slice(f.fix!.edits[0].start, f.fix!.edits[0].end), `'${v}'`);
    const [g] = secretFindings(`const s = process.env.SESSION_SECRET || '${v}';`, 'app.js', RULE);
    assert.equal(g.fix?.edits[0].newText, 'process.env.SESSION_SECRET');
  });
});

describe('hardcoded-secret-generic: every file kind', () => {
  const v = fake.token(40);
  const pw = fake.password(20);
  const railsKey = fake.hex(64);
  const cases: Array<[string, string, string[]]> = [
    ['.env', `NODE_ENV=production\nJWT_SECRET=${v} # rotate me\nPASSWORD_MIN_LENGTH=12\nSESSION_SECRET=\nAPI_KEY=\${API_KEY}\n`, [v]],
    ['.env.production', `export DB_PASSWORD="${pw}"\n`, [pw]],
    ['deploy/k8s.yaml', `stringData:\n  DATABASE_PASSWORD: "${pw}"\ndata:\n  LOG_LEVEL: info\n  TOKEN_TTL_SECONDS: "900"\n`, [pw]],
    ['deploy/k8s-env.yaml', `env:\n  - name: INTERNAL_TOKEN\n    value: "${v}"\n  - name: LOG_LEVEL\n    value: debug\n`, [v]],
    ['docker-compose.yml', `services:\n  db:\n    environment:\n      - POSTGRES_PASSWORD=${pw}\n      POSTGRES_USER: app\n`, [pw]],
    ['ci.yml', 'env:\n  NODE_AUTH_TOKEN: ${{ secrets.NPM_TOKEN }}\n  JWT_SECRET: test-secret\n', []],
    ['config/prod.json', `{\n  "database": {\n    "password": "${pw}",\n    "passwordMinLength": 12\n  },\n  "labels": { "password": "Password" }\n}\n`, [pw]],
    ['gradle.properties', `org.gradle.jvmargs=-Xmx2048m\nMYAPP_UPLOAD_STORE_PASSWORD=${pw}\nsonar.exclusions=**/secrets/**\n`, [pw]],
    ['legacy.ini', `[database]\nhost = db\npassword = ${pw}\n[cache]\npassword =\napi_key = changeme\n`, [pw]],
    ['wrangler.toml', `[vars]\nIMAGE_SIGNING_KEY = "${v}"\nPASSWORD_PROTECTED_PATHS = "/private,/drafts"\n`, [v]],
    ['scripts/publish.sh', `#!/bin/sh\nNEXUS_PASSWORD='${pw}'\nTOKEN_FILE="\${HOME}/.token"\n: "\${SONAR_TOKEN:?must be set}"\n`, [pw]],
    ['Dockerfile', `FROM node:20\nENV NODE_ENV=production API_TOKEN=${v}\nARG BUILD_SECRET\n`, [v]],
    ['scripts/export.py', `import os\nADMIN_PASSWORD = "${pw}"\nsession = boto3.Session(region_name="eu-west-1", aws_secret_access_key="${v}")\ncfg.api_key["apiKeyAuth"] = "${fake.datadogKey()}"\nKEY = os.environ["API_KEY"]\n`, [pw, v]],
    ['settings.py', `SECRET_KEY = os.getenv("DJANGO_SECRET_KEY", "${v}")\nDEBUG = os.environ.get("DEBUG", "false")\n`, [v]],
    ['config/application.yml', `spring:\n  datasource:\n    url: jdbc:postgresql://db:5432/app\n    password: Sup3r-S3cret!\n`, ['Sup3r-S3cret!']],
    ['config/secrets.yml', `production:\n  secret_key_base: ${railsKey}\n`, [railsKey]],
    ['client.py', `resp = requests.get(url, auth=("admin", "${pw}"))\nsmtp.login("reports@acme.io", "${pw}")\n`, [pw, pw]],
    ['scripts/run.sh', `docker run -d -e POSTGRES_PASSWORD=${pw} -e POSTGRES_DB=app postgres:16\n`, [pw]],
    ['config.php', `define('DB_PASSWORD', '${pw}');\ndefine('WP_DEBUG', 'false');\n`, [pw]],
    ['main.go', `os.Setenv("API_TOKEN", "${v}")\n`, [v]],
    ['notes.txt', `staging login\npassword: ${pw}\n`, [pw]],
    ['Main.java', `private static final String API_TOKEN = "${v}";\n`, [v]],
    ['settings.xml', `<server>\n  <id>nexus</id>\n  <username>deploy</username>\n  <password>${pw}</password>\n</server>\n`, [pw]],
    ['res/values/secrets.xml', `<resources>\n  <string name="maps_api_key">${v}</string>\n  <string name="app_name">Acme</string>\n</resources>\n`, [v]],
    ['app.config', `<appSettings>\n  <add key="PartnerApiKey" value="${v}" />\n  <add key="Theme" value="dark" />\n</appSettings>\n`, [v]],
  ];
  for (const [file, text, values] of cases) {
    it(file, () => {
      const found = secretFindings(text, file, RULE).map((f) => text.slice(f.start, f.end));
      // Python line 4 (Datadog) is a third finding; compare the listed ones as a subset there.
      if (file.endsWith('.py')) for (const value of values) assert.ok(found.includes(value), `${masked([value])} in ${masked(found)}`);
      else assertSameValues(found, values, file);
    });
  }

  it('README examples: only clearly generated values, not human passwords', () => {
    assertClean('Set `password: Summer2024!x` in your config.\n', 'README.md');
  });
});
