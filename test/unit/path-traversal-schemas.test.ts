// Schema validation as propagation and as a sanitizer: the value that passed zod / Joi / yup
// keeps the input's flows, minus what the schema rules out field by field; Fastify JSON schemas
// and tRPC input schemas run before the handler.
import { describe } from 'node:test';
import { table } from './taint-support';

describe('path-traversal: validation schemas', () => {
  table('path-traversal', [
    {
      name: 'zod: parse keeps free-form strings untrusted, enums and patterns safe (object, destructuring, safeParse)',
      code: `import { z } from 'zod';
import { readFile } from 'node:fs/promises';
const Params = z.object({ kind: z.enum(['daily', 'weekly']), id: z.string().regex(/^[a-z0-9-]+$/), title: z.string().max(80) });
app.get('/r', async (req, res) => {
  const p = Params.parse(req.query);
  res.send(await readFile('/srv/r/' + p.kind + '/' + p.id));
  res.send(await readFile('/srv/r/' + p.title)); // <-
  const { kind, title } = await Params.parseAsync(req.body);
  res.send(await readFile(\`/srv/r/\${kind}\`));
  res.send(await readFile(\`/srv/r/\${title}\`)); // <-
  const checked = Params.safeParse(req.query);
  if (!checked.success) return res.status(400).end();
  res.send(await readFile('/srv/r/' + checked.data.id));
  res.send(await readFile('/srv/r/' + checked.data.title)); // <-
  res.send(await readFile('/srv/r/' + z.enum(['a', 'b']).parse(req.query.v)));
});
`,
    },
    {
      name: 'Joi validate() returns { value, error }; yup validate() resolves to the value',
      code: `const Joi = require('joi');
const yup = require('yup');
const fs = require('fs');
const schema = Joi.object({ format: Joi.string().valid('csv', 'json'), name: Joi.string() });
const shape = yup.object({ lang: yup.string().oneOf(['en', 'de']), file: yup.string() });
app.post('/x', async (req, res) => {
  const { value, error } = schema.validate(req.body);
  if (error) return res.status(400).end();
  fs.writeFileSync('/srv/out.' + value.format, 'x');
  fs.writeFileSync('/srv/' + value.name, 'x'); // <-
  const input = await shape.validate(req.body);
  fs.readFileSync('/srv/i18n/' + input.lang);
  fs.readFileSync('/srv/i18n/' + input.file); // <-
});
`,
      file: 'x.js',
    },
    {
      name: 'Fastify route schemas (querystring, params, body) validate before the handler',
      code: `import Fastify from 'fastify';
import { readFile } from 'node:fs/promises';
const app = Fastify();
const query = { type: 'object', properties: { theme: { type: 'string', enum: ['light', 'dark'] }, page: { type: 'string' } } };
app.get('/t', { schema: { querystring: query } }, async (request) => {
  const q = request.query as { theme: string; page: string };
  await readFile('/srv/themes/' + q.theme);
  return readFile('/srv/pages/' + q.page); // <-
});
app.route({
  method: 'POST',
  url: '/u/:id',
  schema: { params: { type: 'object', properties: { id: { type: 'string', format: 'uuid' } } } },
  handler: async (request) => readFile('/srv/u/' + (request.params as { id: string }).id),
});
`,
    },
    {
      name: "tRPC procedures: input is the client's, checked against the input schema",
      code: `import { initTRPC } from '@trpc/server';
import { z } from 'zod';
import { readFile, rm } from 'node:fs/promises';
const t = initTRPC.create();
export const router = t.router({
  doc: t.procedure.input(z.object({ slug: z.string() })).query(({ input }) => readFile('/srv/docs/' + input.slug)), // <-
  lang: t.procedure.input(z.object({ code: z.enum(['en', 'fr']) })).query(({ input }) => readFile('/srv/i18n/' + input.code)),
  drop: t.procedure.input(z.string()).mutation(async (opts) => rm('/srv/cache/' + opts.input)), // <-
});
`,
    },
  ]);
});
