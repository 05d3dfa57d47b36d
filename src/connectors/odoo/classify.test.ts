/**
 * Odoo's error members classified: the wrong database, the wrong password and the missing access
 * group give three different errors a person can act on; business refusals carry Odoo's words.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classifyError } from './classify.js';

const ctx = { instanceUrl: 'https://erp.example.com', database: 'acme', username: 'buyer@acme.com' };
const error = (name: string, message: string) => ({ code: 200, message: 'Odoo Server Error', data: { name, debug: '…', message, arguments: [message], context: {} } });

describe('Odoo error classification', () => {
  it('an unknown database is invalid credentials naming the database and where to find it', () => {
    const f = classifyError(error('psycopg2.OperationalError', 'connection to server on socket "/run/postgresql/.s.PGSQL.5432" failed: FATAL:  database "acme" does not exist\n'), 'common.authenticate', ctx);
    assert.equal(f.failureClass, 'config');
    assert.equal(f.code, 'invalid_credentials');
    assert.equal(f.field, 'database');
    assert.match(f.message, /no database named "acme".*\/web\/database\/selector/);
  });

  it('AccessDenied on execute_kw is invalid credentials about the password', () => {
    const f = classifyError(error('odoo.exceptions.AccessDenied', 'Access Denied'), 'purchase.order.search_read', ctx);
    assert.equal(f.code, 'invalid_credentials');
    assert.equal(f.field, 'password');
  });

  it('an AccessError is a permission error naming the model and the group to give', () => {
    const said = "You are not allowed to access 'Purchase Order' (purchase.order) records.\n\nThis operation is allowed for the following groups:\n\t- Invoicing/Billing\n\t- Purchase/User\n\nContact your administrator to request access if necessary.";
    const f = classifyError(error('odoo.exceptions.AccessError', said), 'purchase.order.search_count', ctx);
    assert.equal(f.failureClass, 'config');
    assert.equal(f.code, 'system_permission_denied');
    assert.match(f.message, /may not access Purchase Order \(purchase\.order\) on database "acme"/);
    assert.match(f.message, /Purchase: User/);
    assert.match(f.message, /Invoicing\/Billing, Purchase\/User/);
    const partner = classifyError(error('odoo.exceptions.AccessError', "You are not allowed to create 'Contact' (res.partner) records.\n\nNo group currently allows this operation.\n\nContact your administrator to request access if necessary."), 'res.partner.create', ctx);
    assert.match(partner.message, /may not create Contact \(res\.partner\).*Contact Creation/);
  });

  it('business rules keep Odoo\'s words; a missing app says which to install; a bad field is a system error', () => {
    const user = classifyError(error('odoo.exceptions.UserError', 'In order to delete a purchase order, you must cancel it first.'), 'purchase.order.unlink', ctx);
    assert.equal(user.code, 'rejected_by_system');
    assert.equal(user.systemMessage, 'In order to delete a purchase order, you must cancel it first.');
    const app = classifyError(error('odoo.exceptions.UserError', "Object maintenance.request doesn't exist"), 'maintenance.request.search_read', ctx);
    assert.match(app.message, /install the Maintenance app/);
    const field = classifyError(error('builtins.ValueError', "Invalid field 'notes' on model 'purchase.order'"), 'purchase.order.search_read', ctx);
    assert.equal(field.failureClass, 'system');
    assert.equal(field.code, 'system_error');
    const missing = classifyError(error('odoo.exceptions.MissingError', 'Record does not exist or has been deleted.'), 'purchase.order.write', ctx);
    assert.equal(missing.code, 'not_found');
  });
});
