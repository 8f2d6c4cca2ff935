// The building blocks of the secret rules: randomness, placeholders, names, masking, paths.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { maskSecret } from '../../src/core/mask';
import { isWordy, looksLikePassword, looksRandom } from '../../src/core/secrets/entropy';
import { isTestOrExamplePath } from '../../src/core/secrets/file-context';
import { envVarName, secretName } from '../../src/core/secrets/names';
import { isHashOrIntegrity, isPlaceholder, isReference } from '../../src/core/secrets/placeholders';
import { ALNUM, BASE64, fake, HEX, pick, URLSAFE } from './secrets-support';

describe('secrets: randomness', () => {
  it('random base62, base64, url-safe and hex strings look random (at least 99.8% of them)', () => {
    let misses = 0;
    for (let i = 0; i < 1000; i++) {
      for (const v of [pick(ALNUM, 20), pick(BASE64, 40), pick(URLSAFE, 32), pick(HEX, 32), pick(ALNUM + '!*+-_', 20)]) {
        if (!looksRandom(v)) misses++;
      }
    }
    assert.ok(misses <= 10, `${misses} of 5000 random strings judged not random`);
  });

  it('words, identifiers, versions, dates and hand-typed fakes do not', () => {
    for (const v of [
      'orders-staging', 'claude-3-5-sonnet-20241022', 'refreshTokenClientAcquireToken', 'SuperSecretToken', 'privateKeyStream',
      'password123', 'abc123def456', 'aaaaaaaaaaaaaaaa', '2024-05-14T09:31:22Z', '12345678901234', 'x-acme-signature',
      'Personal access token', 'YOUR_ACCESS_TOKEN', 'abcdefghijklmnop', 'v1.2.3-beta.4+build.5',
    ]) {
      assert.equal(looksRandom(v), false, v);
    }
  });

  it('human passwords: 8+ characters, 3+ character classes', () => {
    assert.ok(looksLikePassword('Summer2024!'));
    assert.equal(looksLikePassword('password123'), false);
    assert.equal(looksLikePassword('Passwort vergessen?'), false);
    assert.equal(looksLikePassword('Ab1!'), false);
  });

  it('wordiness separates identifiers from tokens', () => {
    assert.ok(isWordy('accountTokenHeader'));
    assert.equal(isWordy(fake.token(24)), false);
  });
});

describe('secrets: placeholders and references', () => {
  it('placeholders', () => {
    for (const v of ['changeme', '<YOUR_TOKEN>', 'your-api-key-here', '********', 'xxxx', 'sk_live_...', 'test-secret', 'dummy-session-secret',
      '{{ token }}', 'REDACTED', 'my_password', 'example-key', 'TODO', 'placeholder-value']) {
      assert.ok(isPlaceholder(v), v);
    }
    for (const v of [fake.token(), fake.password(), fake.hex(40)]) assert.equal(isPlaceholder(v), false);
  });

  it('references to secrets held elsewhere', () => {
    for (const v of ['${API_KEY}', '$API_KEY', '%API_KEY%', '${{ secrets.TOKEN }}', 'process.env.TOKEN', 'vault:secret/data/app#token', 'arn:aws:secretsmanager:eu-west-1:1:secret:x', 'JWT_SECRET']) {
      assert.ok(isReference(v), v);
    }
  });

  it('hashes and integrity strings', () => {
    for (const v of ['$2b$12$bV2xBmPOI8oM.A59eqDy0unD9VGOOBHaNo.3iiUwtlJWJnZDvJJC6', '$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA', 'sha512-abc', 'sha256:abc']) {
      assert.ok(isHashOrIntegrity(v), v);
    }
  });
});

describe('secrets: names', () => {
  it('secret-like names and their kinds', () => {
    const kinds: Record<string, string> = {
      JWT_SECRET: 'secret', password: 'password', db_pass: 'password', apiKey: 'API key', 'X-Api-Key': 'API key', client_secret: 'client secret',
      SLACK_SIGNING_SECRET: 'secret', privateKey: 'private key', IMAGE_SIGNING_KEY: 'signing key', FIELD_ENCRYPTION_KEY: 'encryption key',
      NODE_AUTH_TOKEN: 'auth token', 'sonar.token': 'token', JWT_SECRET_PROD: 'secret', GITHUB_PAT: 'personal access token', APIKEY: 'API key',
      dbpassword: 'password', ALGOLIA_ADMIN_KEY: 'key',
    };
    for (const [name, kind] of Object.entries(kinds)) assert.equal(secretName(name)?.kind, kind, name);
  });

  it('names about secrets that do not hold one', () => {
    for (const name of ['PASSWORD_MIN_LENGTH', 'API_KEY_HEADER', 'passwordReset', 'SECRET_STORE', 'TOKEN_TTL_SECONDS', 'cacheKey', 'STRIPE_PUBLISHABLE_KEY',
      'nextPageToken', 'maxTokens', 'private_key_id', 'DB_SECRET_ARN', 'EXAMPLE_TOKEN', 'primaryKey', 'key', 'TOKEN_FILE', 'csrfToken', 'RECAPTCHA_SITE_KEY']) {
      assert.equal(secretName(name), undefined, name);
    }
  });

  it('providers named by the name', () => {
    assert.equal(secretName('DD_API_KEY')?.provider, 'Datadog');
    assert.equal(secretName('aws_secret_access_key')?.kind, 'secret access key');
    assert.equal(secretName('aws_secret_access_key')?.provider, 'AWS');
  });

  it('environment variable names', () => {
    assert.equal(envVarName('webhookSigning', 'secret'), 'WEBHOOK_SIGNING_SECRET');
    assert.equal(envVarName('jwtRefreshSecret'), 'JWT_REFRESH_SECRET');
    assert.equal(envVarName('X-Api-Key'), 'X_API_KEY');
  });
});

describe('secrets: masking and paths', () => {
  it('maskSecret shows at most four characters', () => {
    const v = fake.token(40);
    const masked = maskSecret(v);
    assert.equal(masked, `${v.slice(0, 4)}…(40 chars)`);
    assert.equal(maskSecret('short'), '…(5 chars)');
  });

  it('test, example and documentation paths', () => {
    for (const p of ['test/a.ts', 'src/__tests__/a.ts', 'a.spec.ts', 'tests/test_api.py', '.env.example', '.env.test', 'config.sample.yml', 'docs/README.md', 'test/fixtures/key.pem']) {
      assert.ok(isTestOrExamplePath(p), p);
    }
    for (const p of ['src/app.ts', '.env', '.env.production', 'config/prod.yaml', 'src/latest.ts', 'contest/a.ts']) assert.equal(isTestOrExamplePath(p), false, p);
  });
});
