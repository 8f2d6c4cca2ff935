// Vocabulary for generated code: entities with fields, so that generated files read like the
// routes, services and components of real Node.js applications.
export const ENTITIES = [
  { name: 'user', fields: ['email', 'displayName', 'role', 'lastLoginAt'] },
  { name: 'order', fields: ['customerId', 'total', 'currency', 'status'] },
  { name: 'invoice', fields: ['orderId', 'amount', 'dueDate', 'paidAt'] },
  { name: 'product', fields: ['sku', 'title', 'price', 'stock'] },
  { name: 'customer', fields: ['email', 'company', 'country', 'vatId'] },
  { name: 'payment', fields: ['invoiceId', 'provider', 'amount', 'reference'] },
  { name: 'report', fields: ['title', 'period', 'format', 'ownerId'] },
  { name: 'upload', fields: ['fileName', 'size', 'mimeType', 'checksum'] },
  { name: 'ticket', fields: ['subject', 'priority', 'assigneeId', 'status'] },
  { name: 'project', fields: ['name', 'slug', 'ownerId', 'archived'] },
  { name: 'team', fields: ['name', 'plan', 'seats', 'billingEmail'] },
  { name: 'comment', fields: ['body', 'authorId', 'ticketId', 'editedAt'] },
  { name: 'article', fields: ['title', 'slug', 'body', 'publishedAt'] },
  { name: 'shipment', fields: ['orderId', 'carrier', 'trackingNumber', 'deliveredAt'] },
  { name: 'subscription', fields: ['customerId', 'plan', 'renewsAt', 'cancelled'] },
  { name: 'webhook', fields: ['url', 'events', 'secretHash', 'active'] },
  { name: 'backup', fields: ['database', 'location', 'sizeBytes', 'finishedAt'] },
  { name: 'document', fields: ['title', 'path', 'ownerId', 'version'] },
];

export const APP_WORDS = ['billing', 'orders', 'catalog', 'accounts', 'reports', 'files', 'support', 'gateway', 'notify', 'search', 'auth', 'inventory', 'shipping', 'analytics', 'admin', 'portal', 'media', 'docs', 'payments', 'ledger'];

export const pascal = (s) => s.replace(/(^|-)([a-z])/g, (_, __, c) => c.toUpperCase());
export const camel = (s) => s.replace(/-([a-z])/g, (_, c) => c.toUpperCase());
export const plural = (s) => (s.endsWith('y') ? `${s.slice(0, -1)}ies` : s.endsWith('s') ? `${s}es` : `${s}s`);
