// Generators of the configuration and documentation a Node.js service carries: .env files,
// docker-compose, Kubernetes manifests, CI workflows, package.json, tsconfig, app config, locale
// bundles, OpenAPI documents and READMEs. A few hold (made-up) secrets, most hold placeholders.
import { FAKE_SECRETS, PLACEHOLDERS } from './fake-secrets.mjs';
import { ENTITIES, plural } from './names.mjs';

export function envFile(r, { example }) {
  const lines = [
    `# Environment for local development.${example ? ' Copy to .env and fill in.' : ''}`,
    `NODE_ENV=${r.pick(['development', 'production', 'test'])}`,
    `PORT=${r.pick([3000, 8080, 4000, 5000])}`,
    `LOG_LEVEL=${r.pick(['info', 'debug', 'warn'])}`,
    `PUBLIC_URL=https://${r.pick(['app', 'api', 'portal'])}.example.com`,
  ];
  const secretNames = r.sample(Object.keys(FAKE_SECRETS), r.int(3, 7));
  for (const name of secretNames) {
    const value = example || r.chance(0.5) ? r.pick(PLACEHOLDERS) : FAKE_SECRETS[name](r);
    lines.push(`${name}=${value}`);
  }
  const dbPassword = example || r.chance(0.6) ? '${DB_PASSWORD}' : FAKE_SECRETS.DB_PASSWORD(r);
  lines.push(`DATABASE_URL=postgres://app:${dbPassword}@db:5432/app`);
  lines.push(`REDIS_URL=redis://redis:6379/${r.int(0, 9)}`);
  lines.push(`FEATURE_FLAGS=${r.sample(['search', 'export', 'beta-ui', 'webhooks', 'audit'], 3).join(',')}`);
  if (r.chance(0.05)) lines.push('NODE_TLS_REJECT_UNAUTHORIZED=0');
  return lines.join('\n') + '\n';
}

export function dockerCompose(r, app) {
  return [
    `services:`,
    `  ${app}:`,
    `    build: .`,
    `    image: registry.example.com/${app}:${r.int(1, 9)}.${r.int(0, 30)}.${r.int(0, 9)}`,
    `    ports:`,
    `      - "${r.pick([3000, 8080])}:${r.pick([3000, 8080])}"`,
    `    env_file: .env`,
    `    environment:`,
    `      NODE_ENV: production`,
    `      DATABASE_URL: postgres://app:\${DB_PASSWORD}@db:5432/app`,
    `    depends_on:`,
    `      - db`,
    `      - redis`,
    `    healthcheck:`,
    `      test: ["CMD", "node", "scripts/healthcheck.js"]`,
    `      interval: ${r.pick([10, 30])}s`,
    `      retries: 3`,
    `  db:`,
    `    image: postgres:${r.pick([14, 15, 16])}-alpine`,
    `    environment:`,
    `      POSTGRES_USER: app`,
    `      POSTGRES_PASSWORD: ${r.chance(0.2) ? FAKE_SECRETS.DB_PASSWORD(r) : '${DB_PASSWORD}'}`,
    `    volumes:`,
    `      - db-data:/var/lib/postgresql/data`,
    `  redis:`,
    `    image: redis:7-alpine`,
    `volumes:`,
    `  db-data: {}`,
    ``,
  ].join('\n');
}

export function k8sDeployment(r, app) {
  return [
    `apiVersion: apps/v1`,
    `kind: Deployment`,
    `metadata:`,
    `  name: ${app}`,
    `  labels: { app: ${app}, tier: backend }`,
    `spec:`,
    `  replicas: ${r.int(2, 6)}`,
    `  selector:`,
    `    matchLabels: { app: ${app} }`,
    `  template:`,
    `    metadata:`,
    `      labels: { app: ${app} }`,
    `    spec:`,
    `      containers:`,
    `        - name: ${app}`,
    `          image: registry.example.com/${app}:${r.int(1, 9)}.${r.int(0, 30)}.${r.int(0, 9)}`,
    `          ports: [{ containerPort: 8080 }]`,
    `          envFrom:`,
    `            - secretRef: { name: ${app}-secrets }`,
    `          env:`,
    `            - { name: NODE_ENV, value: production }`,
    `            - { name: LOG_LEVEL, value: ${r.pick(['info', 'warn'])} }`,
    `          resources:`,
    `            requests: { cpu: ${r.pick([100, 250, 500])}m, memory: ${r.pick([128, 256, 512])}Mi }`,
    `            limits: { cpu: "1", memory: ${r.pick([512, 1024])}Mi }`,
    `          readinessProbe:`,
    `            httpGet: { path: /health, port: 8080 }`,
    `            periodSeconds: 10`,
    `---`,
    `apiVersion: v1`,
    `kind: Service`,
    `metadata: { name: ${app} }`,
    `spec:`,
    `  selector: { app: ${app} }`,
    `  ports: [{ port: 80, targetPort: 8080 }]`,
    ``,
  ].join('\n');
}

export function ciWorkflow(r) {
  return [
    `name: ci`,
    `on:`,
    `  push: { branches: [main] }`,
    `  pull_request: {}`,
    `jobs:`,
    `  test:`,
    `    runs-on: ubuntu-latest`,
    `    strategy:`,
    `      matrix: { node: [${r.sample([18, 20, 22, 24], 2).sort().join(', ')}] }`,
    `    steps:`,
    `      - uses: actions/checkout@v4`,
    `      - uses: actions/setup-node@v4`,
    `        with: { node-version: "\${{ matrix.node }}", cache: npm }`,
    `      - run: npm ci`,
    `      - run: npm test -- --coverage`,
    `        env:`,
    `          DATABASE_URL: postgres://postgres:postgres@localhost:5432/test`,
    `          NPM_TOKEN: \${{ secrets.NPM_TOKEN }}`,
    `      - run: npx secure-dev scan . --format sarif --output results.sarif`,
    `      - uses: github/codeql-action/upload-sarif@v3`,
    `        with: { sarif_file: results.sarif }`,
    ``,
  ].join('\n');
}

export function packageJson(r, app) {
  const deps = r.sample(
    [['express', '^4.21.2'], ['koa', '^2.15.3'], ['@koa/router', '^13.1.0'], ['pg', '^8.13.1'], ['jsonwebtoken', '^9.0.2'], ['bcrypt', '^5.1.1'], ['zod', '^3.24.1'], ['pino', '^9.6.0'], ['ioredis', '^5.4.2'], ['react', '^18.3.1'], ['react-dom', '^18.3.1'], ['dotenv', '^16.4.7'], ['helmet', '^8.0.0'], ['multer', '^1.4.5-lts.1']],
    r.int(4, 9),
  );
  return JSON.stringify(
    {
      name: `@example/${app}`,
      version: `${r.int(0, 3)}.${r.int(0, 20)}.${r.int(0, 9)}`,
      private: true,
      main: 'src/index.js',
      scripts: { start: 'node src/index.js', test: 'jest', lint: 'eslint .', build: 'tsc -p .', migrate: 'node scripts/migrate.js' },
      dependencies: Object.fromEntries(deps),
      devDependencies: { jest: '^29.7.0', supertest: '^7.0.0', typescript: '^5.7.2', eslint: '^9.17.0' },
      engines: { node: '>=20' },
    },
    null,
    2,
  ) + '\n';
}

export function tsconfig(r) {
  return JSON.stringify(
    {
      compilerOptions: { target: r.pick(['ES2020', 'ES2022']), module: r.pick(['commonjs', 'NodeNext']), strict: true, outDir: 'dist', rootDir: 'src', esModuleInterop: true, skipLibCheck: true, sourceMap: r.chance(0.5), jsx: 'react-jsx' },
      include: ['src'],
    },
    null,
    2,
  ) + '\n';
}

export function appConfig(r, app) {
  const config = {
    service: app,
    http: { port: 8080, trustProxy: r.chance(0.5), cors: { origins: [`https://${app}.example.com`, 'http://localhost:3000'] } },
    database: { host: 'db', port: 5432, user: 'app', password: r.chance(0.1) ? FAKE_SECRETS.DB_PASSWORD(r) : '${DB_PASSWORD}', pool: { min: 2, max: r.pick([10, 20]) } },
    tls: { minVersion: r.pick(['TLSv1.2', 'TLSv1.3']), rejectUnauthorized: true },
    auth: { issuer: `https://auth.example.com/${app}`, audience: app, tokenTtl: r.pick(['15m', '1h']), algorithms: ['RS256'] },
    uploads: { dir: '/var/lib/app/uploads', maxBytes: r.pick([1, 5, 25]) * 1024 * 1024, types: ['image/png', 'image/jpeg', 'application/pdf'] },
    features: Object.fromEntries(['search', 'export', 'webhooks', 'audit', 'beta'].map((f) => [f, r.chance(0.5)])),
  };
  return JSON.stringify(config, null, 2) + '\n';
}

export function localeBundle(r) {
  const messages = {};
  for (const entity of ENTITIES) {
    const names = plural(entity.name);
    messages[names] = {
      title: names[0].toUpperCase() + names.slice(1),
      empty: `No ${names} yet. Create the first one to get started.`,
      created: `The ${entity.name} "{name}" was created.`,
      deleted: `The ${entity.name} was deleted. This cannot be undone.`,
      fields: Object.fromEntries(entity.fields.map((f) => [f, f.replace(/([A-Z])/g, ' $1').toLowerCase()])),
      errors: { notFound: `That ${entity.name} does not exist or you cannot see it.`, conflict: `Someone else changed this ${entity.name}; reload and try again.` },
    };
  }
  return JSON.stringify({ locale: r.pick(['en', 'en-GB', 'de', 'fr', 'es']), messages }, null, 2) + '\n';
}

export function openApi(r, app) {
  const lines = [`openapi: 3.0.3`, `info:`, `  title: ${app} API`, `  version: ${r.int(1, 4)}.${r.int(0, 9)}.0`, `servers:`, `  - url: https://${app}.example.com/api`, `paths:`];
  for (const entity of r.sample(ENTITIES, r.int(4, 10))) {
    const names = plural(entity.name);
    lines.push(
      `  /${names}:`,
      `    get:`,
      `      summary: List ${names}`,
      `      parameters:`,
      `        - { name: page, in: query, schema: { type: integer, minimum: 1 } }`,
      `        - { name: limit, in: query, schema: { type: integer, maximum: 200 } }`,
      `      responses:`,
      `        "200": { description: A page of ${names} }`,
      `    post:`,
      `      summary: Create a ${entity.name}`,
      `      requestBody:`,
      `        content:`,
      `          application/json:`,
      `            schema:`,
      `              type: object`,
      `              required: [${entity.fields[0]}]`,
      `              properties:`,
      ...entity.fields.map((f) => `                ${f}: { type: string }`),
      `      responses:`,
      `        "201": { description: Created }`,
      `        "400": { description: Invalid input }`,
      `  /${names}/{id}:`,
      `    get:`,
      `      parameters: [{ name: id, in: path, required: true, schema: { type: string } }]`,
      `      responses:`,
      `        "200": { description: The ${entity.name} }`,
      `        "404": { description: Not found }`,
    );
  }
  lines.push(`components:`, `  securitySchemes:`, `    bearer: { type: http, scheme: bearer, bearerFormat: JWT }`, ``);
  return lines.join('\n');
}

export function readme(r, app) {
  return [
    `# ${app}`,
    ``,
    `The ${app} service: ${r.pick(['billing and invoices', 'order processing', 'file storage', 'customer accounts', 'reporting'])} for the platform.`,
    ``,
    `## Running locally`,
    ``,
    '```sh',
    `cp .env.example .env   # then fill in the values`,
    `docker compose up -d db redis`,
    `npm ci && npm run migrate && npm start`,
    '```',
    ``,
    `## Configuration`,
    ``,
    `| variable | meaning | default |`,
    `| --- | --- | --- |`,
    `| \`PORT\` | HTTP port | 8080 |`,
    `| \`DATABASE_URL\` | Postgres connection string | — |`,
    `| \`JWT_SECRET\` | signs session tokens; at least 32 random characters | — |`,
    `| \`UPLOAD_DIR\` | where uploads are stored | /var/lib/app/uploads |`,
    ``,
    `Never commit \`.env\`: it is in \`.gitignore\`. Rotate a key at once if it leaks.`,
    ``,
    `## Endpoints`,
    ``,
    ...r.sample(ENTITIES, 5).map((e) => `- \`GET /api/${plural(e.name)}\` — list ${plural(e.name)} (paged); \`POST\` creates one.`),
    ``,
    `## Example`,
    ``,
    '```js',
    `const res = await fetch('https://${app}.example.com/api/${plural(r.pick(ENTITIES).name)}', {`,
    `  headers: { Authorization: \`Bearer \${process.env.API_TOKEN}\` },`,
    `});`,
    '```',
    ``,
  ].join('\n');
}
