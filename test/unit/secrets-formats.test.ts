// Secrets in the syntax of each configuration format and in the shapes scripts and code use to
// pass them on: properties continuations and whitespace separators, ini comments and indented
// continuations, TOML inline tables, YAML block scalars, tags and anchors, variable-expansion
// defaults, HTTP header lines and form bodies inside strings, directive arguments, lookups with
// a default, collections of secrets, webhook URLs — and the look-alikes that must stay quiet.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertClean, assertFlags, assertSameValues, fake, flagged, HEX, pick } from './secrets-support';

const GENERIC = 'hardcoded-secret-generic';

describe('secrets in .properties files', () => {
  it('every separator: "=", ":", ":" without a space, and whitespace alone', () => {
    const [a, b, c, d] = [fake.token(32), fake.token(32), fake.token(32), fake.token(32)];
    const text = `db.password=${a}\nmail.smtp.password: ${b}\nbroker.password:${c}\nssl.key.password   ${d}\nsession.timeout.ms=45000\n`;
    assertFlags(text, 'config/app.properties', [a, b, c, d], GENERIC);
  });

  it('a backslash continues the value: a value on the next line, quoted pairs on continued lines', () => {
    const [a, b] = [fake.token(40), fake.password(22)];
    const text = [
      'token=\\',
      `  ${a}`,
      'sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required \\',
      '    username="bridge" \\',
      `    password="${b}";`,
      'greeting=Hello \\',
      '  world',
    ].join('\n');
    assertFlags(text, 'kafka.properties', [a, b], GENERIC);
  });

  it('quoted pairs inside an unquoted value, and Spring defaults ${name:value}', () => {
    const [a, b] = [fake.password(24), fake.token(32)];
    const text = `sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="svc" password="${a}";\n` +
      `spring.datasource.password=\${DB_PASSWORD:${b}}\nspring.datasource.username=\${DB_USER:app}\n`;
    assertFlags(text, 'application.properties', [a, b], GENERIC);
  });

  it('user:password pairs under a user-info name', () => {
    const v = `${pick('ABCDEFGHJKLMNPQRSTUVWXYZ23456789', 16)}:${fake.token(64)}`;
    assertFlags(`basic.auth.credentials.source=USER_INFO\nbasic.auth.user.info=${v}\n`, 'schema-registry.properties', [v], GENERIC);
  });
});

describe('secrets in .ini and .conf files', () => {
  it('":" separators, inline comments, indented continuations', () => {
    const [a, b, c] = [fake.password(20), fake.token(32), fake.token(32)];
    const text = `[erp]\npassword: ${a}\napi_key = ${b} ; rotated yearly\ntoken =\n    ${c}\nlog_dir = /var/log/sync\n`;
    assertFlags(text, 'sync.ini', [a, b, c], GENERIC);
  });

  it('members of a [credentials] section, directives in .conf files', () => {
    const [a, b, c] = [fake.token(40), fake.token(32), fake.token(40)];
    const text = `[credentials]\ngithub = ${a}\nuser = deploy-bot\n`;
    assertFlags(text, 'tools.ini', [a], GENERIC);
    assertFlags(`bind 127.0.0.1\nrequirepass ${b}\nmaxmemory 256mb\n`, 'redis.conf', [b], GENERIC);
    assertFlags(`location /api/ {\n  proxy_set_header X-Internal-Token ${c};\n  proxy_pass http://backend;\n}\n`, 'nginx.conf', [c], GENERIC);
  });
});

describe('secrets in TOML files', () => {
  it('inline tables, one-line triple-quoted strings, collections of secrets', () => {
    const [a, b, c] = [fake.password(22), fake.token(40), fake.token(40)];
    const text = `[database]\ncreds = { user = "app", password = "${a}" }\n[api]\ntoken = """${b}"""\n[secrets]\nstripe_webhook = "${c}"\nregion = "eu-west-1"\n`;
    assertFlags(text, 'deploy.toml', [a, b, c], GENERIC);
  });

  it('a UUID under a key name is a key; under an id or a plain token name it is not', () => {
    const key = fake.uuid();
    assertFlags(`[cdn]\npurge_api_key = "${key}"\napp_id = "${fake.uuid()}"\ntenant_token = "${fake.uuid()}"\n`, 'deploy.toml', [key], GENERIC);
    assertClean(`const apiKey = '${fake.uuid()}';\n`, 'test/client.test.ts');
  });
});

describe('secrets in YAML files', () => {
  it('a block scalar holding one value is that value', () => {
    const [a, b] = [fake.token(40), fake.token(40)];
    const text = `auth:\n  token: >-\n    ${a}\n  client_secret: |\n    ${b}\n  description: |\n    Tokens rotate\n    every ninety days.\n`;
    assertFlags(text, 'values.yaml', [a, b], GENERIC);
  });

  it('block scalars holding configuration or a script are read as such', () => {
    const [a, b, c, d] = [fake.password(22), fake.token(40), fake.token(32), fake.hex(40)];
    const text = [
      'data:',
      '  app.properties: |-',
      `    spring.datasource.password=${a}`,
      'steps:',
      '  - run: |',
      `      curl -H "X-Api-Key: ${b}" https://api.acme.io/deploy`,
      `      curl -H 'Private-Token: ${c}' https://gitlab.acme.io/api/v4/projects`,
      'ingress:',
      '  annotations:',
      '    nginx.ingress.kubernetes.io/configuration-snippet: |',
      `      proxy_set_header X-Internal-Token "${d}";`,
    ].join('\n');
    assertFlags(text, 'deploy/values.prod.yaml', [a, b, c, d], GENERIC);
  });

  it('tags, anchors, flow mappings and ${VAR:-default}', () => {
    const [a, b, c, d] = [fake.token(32), fake.token(32), fake.token(32), fake.password(22)];
    const text = [
      'auth:',
      `  password: !!str ${a}`,
      `  token: &shared ${b}`,
      'env:',
      `  - { name: API_TOKEN, value: "${c}" }`,
      'services:',
      '  db:',
      '    environment:',
      `      POSTGRES_PASSWORD: \${POSTGRES_PASSWORD:-${d}}`,
      '      POSTGRES_USER: ${POSTGRES_USER:-app}',
    ].join('\n');
    assertFlags(text, 'docker-compose.yml', [a, b, c, d], GENERIC);
  });

  it('a CI workflow made of references is clean', () => {
    const text = [
      'env:',
      '  REGISTRY: ghcr.io',
      'jobs:',
      '  build:',
      '    steps:',
      `      - uses: actions/setup-node@${fake.hex(40)}`,
      '      - run: |',
      '          echo "//registry.npmjs.org/:_authToken=${{ secrets.NPM_TOKEN }}" > ~/.npmrc',
      '          export API_TOKEN=${{ secrets.API_TOKEN }}',
      '          curl -H "Authorization: Bearer ${{ secrets.GH_TOKEN }}" https://api.github.com',
      '          curl -H "X-Api-Key: $API_KEY" https://api.acme.io',
      '          docker login -u ${{ github.actor }} -p ${{ secrets.GITHUB_TOKEN }} ghcr.io',
      '          helm upgrade app ./chart --set image.tag=${{ github.sha }} --set auth.existingSecret=app-db',
      `          echo "sha256: ${fake.hex(64)}"`,
      '      - name: notes',
      '        with:',
      '          body: |',
      `            Commit ${fake.hex(40)} fixes the password reset.`,
    ].join('\n');
    assertClean(text, '.github/workflows/ci.yml');
  });
});

describe('secrets in shell scripts and Dockerfiles', () => {
  it('defaults of variable expansions, provider tokens included', () => {
    const [a, b, npm] = [fake.token(32), fake.password(22), fake.npm()];
    const text = `API_TOKEN="\${API_TOKEN:-${a}}"\n: "\${DB_PASSWORD:=${b}}"\nNPM_TOKEN="\${NPM_TOKEN:-${npm}}"\nGITHUB_TOKEN="\${GITHUB_TOKEN:?must be set}"\nPORT="\${PORT:-8080}"\n`;
    assertSameValues(flagged(text, 'scripts/release.sh'), [a, b, npm], 'release.sh');
  });

  it('header lines, form bodies and NAME=value arguments', () => {
    const [a, b, c, d, e] = [fake.token(32), fake.token(32), fake.token(32), fake.password(22), fake.password(22)];
    const text = [
      `curl -H "X-Api-Key: ${a}" https://api.acme.io`,
      `curl -H 'x-auth-token:${b}' https://api.acme.io`,
      `curl -d "grant_type=client_credentials&client_secret=${c}" https://auth.acme.io/token`,
      `kubectl create secret generic app --from-literal=password=${d}`,
      `helm upgrade app ./chart --set auth.password=${e} --set image.tag=v1.2.3`,
      'git commit -m "fix: token refresh"',
      'echo "deploying with token $TOKEN"',
    ].join('\n');
    // The form body's secret follows '&client_secret=': the provider rule's query detector has it.
    assertFlags(text, 'scripts/deploy.sh', [a, b, c, d, e]);
  });

  it('passwords given to tools: sshpass, redis-cli, openssl, keytool, aws/git config', () => {
    const [a, b, c, d, e, f] = [fake.password(20), fake.token(24), fake.password(20), fake.password(20), fake.token(40), fake.password(20)];
    const text = [
      `sshpass -p '${a}' ssh deploy@bastion`,
      `redis-cli -a ${b} ping`,
      `openssl pkcs12 -export -in c.pem -out c.p12 -passout pass:${c}`,
      `keytool -genkey -keystore app.jks -storepass ${d}`,
      `aws configure set aws_secret_access_key ${e}`,
      `git config --global user.password ${f}`,
      'npm config set registry https://registry.npmjs.org/',
    ].join('\n');
    assertSameValues(flagged(text, 'scripts/setup.sh'), [a, b, c, d, e, f], 'setup.sh');
  });

  it("Dockerfile's legacy ENV form", () => {
    const v = fake.token(40);
    assertFlags(`FROM node:20\nENV API_TOKEN ${v}\nENV NODE_ENV production\n`, 'Dockerfile', [v], GENERIC);
  });
});

describe('secrets in JSON and HCL', () => {
  it('one-line nested objects, a qualified bare "Key", collections of secrets', () => {
    const [a, b, c] = [fake.token(32), fake.token(32), fake.token(32)];
    const text = [
      '{',
      `  "Jwt": { "Key": "${a}", "Issuer": "acme" },`,
      `  "Stripe": { "SecretKey": "${b}" },`,
      `  "secrets": { "github": "${c}", "user": "deploy-bot" },`,
      `  "auth": { "clientId": "${fake.token(32)}", "domain": "acme.eu.auth0.com" },`,
      `  "cache": { "key": "${fake.token(32)}" }`,
      '}',
    ].join('\n');
    assertFlags(text, 'appsettings.json', [a, b, c], GENERIC);
  });

  it('Terraform variable defaults take the variable name', () => {
    const v = fake.password(22);
    assertFlags(`variable "db_password" {\n  type    = string\n  default = "${v}"\n}\nvariable "region" {\n  default = "${fake.token(20)}"\n}\n`, 'infra/main.tf', [v], GENERIC);
  });
});

describe('secrets in code: lookups, strings with pairs, schema defaults', () => {
  it('the default of a configuration lookup takes the looked-up name', () => {
    const [a, b, c, d, e] = [fake.password(22), fake.token(32), fake.token(32), fake.token(32), fake.token(32)];
    const code = [
      `const a = config.get('DB_PASSWORD', '${a}');`,
      `const b = config.get<string>('API_TOKEN') ?? '${b}';`,
      `const c = { url: 'x', password: configService.get('DB_PASS', '${c}') };`,
      `const d = _.get(cfg, 'auth.token', '${d}');`,
      `const e = Deno.env.get('STRIPE_SECRET') || '${e}';`,
      "const region = config.get('AWS_REGION', 'eu-west-1');",
      `const id = config.get('CLIENT_ID', '${fake.token(32)}');`,
    ].join('\n');
    assertFlags(code, 'src/app.module.ts', [a, b, c, d, e], GENERIC);
  });

  it('header lines, command lines and form bodies inside string literals', () => {
    const [a, b, c, d] = [fake.token(32), fake.token(32), fake.token(32), fake.token(32)];
    const code = [
      `execSync(\`curl -H "X-Api-Key: ${a}" https://api.acme.io\`);`,
      `const args = ['-H', 'Private-Token: ${b}'];`,
      `const body = 'grant_type=client_credentials&client_secret=${c}';`,
      "debug('pw:adb:runCommand')(command);",
      "const accept = 'Accept: application/json';",
      `const form = 'password=${d}';`,
    ].join('\n');
    assertFlags(code, 'src/deploy.ts', [a, b, c, d]);
  });

  it('schema defaults and containers of secrets', () => {
    const [a, b, c] = [fake.token(32), fake.token(32), fake.token(32)];
    const code = [
      `const schema = convict({ apiKey: { doc: 'Partner key', format: String, default: '${a}', env: 'PARTNER_API_KEY' },`,
      `  port: { doc: 'Port', format: 'port', default: '${fake.token(20)}' } });`,
      `const creds = { tokens: { github: '${b}', expires: '${fake.token(20)}' } };`,
      `const jwtOptions = { jwt: { key: '${c}' }, cache: { key: '${fake.token(32)}' } };`,
    ].join('\n');
    assertFlags(code, 'src/config.ts', [a, b, c], GENERIC);
  });

  it('a value that spells its own name is a label, not a secret', () => {
    assertClean('const CryptoOptsSignJwt = "cryptoOptsSignJwt";\nconst AccessTokenCacheKey = "accessTokenCacheKey";\n', 'src/events.ts');
  });
});

describe('names: JWTs, SDK keys, secret IDs', () => {
  it('names ending in JWT, SDK keys, AppRole secret IDs', () => {
    const [a, b, c] = [fake.jwt(), `server-${fake.token(32)}`, fake.uuid()];
    const text = `SERVICE_JWT=${a}\nFEATURE_FLAGS_SDK_KEY=${b}\nVAULT_SECRET_ID=${c}\nVAULT_ROLE_ID=${fake.uuid()}\n`;
    assertSameValues(flagged(text, '.env'), [a, b, c], '.env');
  });
});

describe('names: bearer, Authorization, short qualifiers, owners', () => {
  it('bare bearer and Authorization values, ENC_KEY, Koa app.keys', () => {
    const [a, b, c, d, e] = [fake.token(32), fake.token(32), fake.hex(64), fake.token(32), fake.token(32)];
    const code = [
      `const bearer = '${a}';`,
      `const headers = { Authorization: '${b}' };`,
      `const ENC_KEY = '${c}';`,
      `app.keys = ['${d}', '${e}'];`,
      `this.cache.key = '${fake.token(32)}';`,
    ].join('\n');
    assertFlags(code, 'src/server.ts', [a, b, c, d, e], GENERIC);
  });
});

describe('test files: fixtures are fake unless they say production', () => {
  it('a JWT under a production name is reported; other JWTs in tests are fixtures', () => {
    const [prod, fixture] = [fake.jwt({ sub: fake.uuid(), role: 'service', iat: 1728408352 }), fake.jwt()];
    const code = `const PROD_SERVICE_JWT = '${prod}';\nconst token = '${fixture}';\nconst LIVE_ADMIN_PASSWORD = 'Summer2024!x';\nconst password = 'Summer2024!x';\n`;
    assertSameValues(flagged(code, 'test/auth.test.ts'), [prod, 'Summer2024!x'], 'auth.test.ts');
  });
});

describe('webhook URLs', () => {
  it('a random key in the path of a URL named (or hosted) as a webhook', () => {
    const [a, b] = [`https://chat.acme.io/hooks/${pick('abcdefghijkmnopqrstuvwxyz0123456789', 26)}`, `https://maker.ifttt.com/trigger/deploy/with/key/${fake.token(22)}`];
    const text = `MATTERMOST_WEBHOOK_URL=${a}\nIFTTT_WEBHOOK=${b}\nWEBHOOK_URL=https://api.acme.io/webhooks/stripe\nCALLBACK_URL=https://api.acme.io/cb/${fake.token(22)}\n`;
    assertFlags(text, '.env.production', [a, b], GENERIC);
  });

  it('a Teams webhook in an ini [webhooks] section is reported once, by the provider rule', () => {
    const v = fake.teamsWebhook();
    const found = assertFlags(`[webhooks]\nteams_url = ${v}\n`, 'notify.ini', [v]);
    assert.equal(found[0].ruleId, 'hardcoded-secret-provider');
    assert.match(found[0].message, /Microsoft Teams incoming webhook URL/);
  });

  it('a Logic Apps trigger URL carries its signature in sig=', () => {
    const sig = pick(HEX + 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 43);
    const url = `https://prod-12.westeurope.logic.azure.com:443/workflows/${fake.hex(32)}/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=${sig}`;
    assertFlags(`FLOW_URL=${url}\n`, '.env', [sig]);
  });
});
