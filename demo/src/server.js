// Acme Invoices: customers download their invoices, staff look at recent changes, and
// payments go to Stripe. Deliberately insecure demo code for Secure Dev; do not deploy.
const express = require('express');
const { exec } = require('child_process');
const crypto = require('crypto');
const path = require('path');

const app = express();
app.use(express.json());

// Credentials committed with the code: anyone who can read the repository can use them.
const STRIPE_SECRET_KEY = 'sk_test_pbfnDrtwfWig20bV3PZIRBmm';
const SESSION_SECRET = 'XnHd0CSAJIeKGCwYYlljrMIcIIvCAJhqTQkCeUTP';

const INVOICE_DIR = path.join(__dirname, '..', 'invoices');
const users = new Map();

// Staff tool: shows the last commits of a branch.
app.get('/api/changelog', (req, res) => {
  const branch = req.query.branch || 'main';
  exec('git log --oneline -n 20 ' + branch, (error, stdout) => {
    if (error) return res.status(500).send('git failed');
    res.type('text/plain').send(stdout);
  });
});

// Customers download a PDF invoice by name.
app.get('/api/invoices/download', (req, res) => {
  res.sendFile(path.join(INVOICE_DIR, req.query.file));
});

function hashPassword(password) {
  return crypto.createHash('md5').update(password).digest('hex');
}

function encryptNote(note) {
  const cipher = crypto.createCipher('aes-256-cbc', SESSION_SECRET);
  return cipher.update(note, 'utf8', 'hex') + cipher.final('hex');
}

app.post('/api/users', (req, res) => {
  const { email, password, note } = req.body;
  users.set(email, { email, passwordHash: hashPassword(password), note: encryptNote(note || '') });
  res.status(201).json({ email });
});

app.post('/api/login', (req, res) => {
  const user = users.get(req.body.email);
  if (!user || user.passwordHash !== hashPassword(req.body.password)) return res.status(401).end();
  res.json({ token: crypto.createHash('md5').update(user.email + Date.now()).digest('hex') });
});

app.post('/api/payments', async (req, res) => {
  const response = await fetch('https://api.stripe.com/v1/payment_intents', {
    method: 'POST',
    headers: { Authorization: `Bearer ${STRIPE_SECRET_KEY}` },
    body: new URLSearchParams({ amount: String(req.body.amount), currency: 'usd' }),
  });
  res.status(response.status).json(await response.json());
});

const port = Number(process.env.PORT) || 3000;
app.listen(port, () => console.log(`acme-invoices listening on http://localhost:${port}`));
