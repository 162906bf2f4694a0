import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { createOrm, migrateToLatest, pendingMigrations } from '@recoup/db';
import { TEST_PG_URL_ENV } from '@recoup/db/testing';

const adminUrl = (): string => {
  const url = process.env[TEST_PG_URL_ENV];
  if (!url) throw new Error(`${TEST_PG_URL_ENV} is not set`);
  return url;
};

const urlFor = (database: string): string => {
  const url = new URL(adminUrl());
  url.pathname = `/${database}`;
  return url.toString();
};

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

describe('migrations', () => {
  const database = `recoup_migrations_${process.pid}_${Date.now()}`;

  beforeAll(async () => {
    await admin(`create database "${database}"`);
  });

  afterAll(async () => {
    await admin(`drop database if exists "${database}" with (force)`);
  });

  it('apply to an empty database and leave nothing pending', async () => {
    const orm = await createOrm({ databaseUrl: urlFor(database) });
    try {
      const all = [
        'Migration20261123000000_initial_schema',
        'Migration20261123120000_communication_deferred',
        'Migration20261123130000_contact_opt_out_token',
        'Migration20261124010000_reminder_channels',
        'Migration20261124020000_strategy_assignment',
        'Migration20261124030000_promises_disputes',
        'Migration20261124040000_engine_nodes',
        'Migration20261124050000_compliance',
        'Migration20261124060000_bank_statements',
        'Migration20261124070000_reconciliation',
        'Migration20261124080000_invoice_reference_statistics',
        'Migration20261125030000_inbox_notes',
        'Migration20261125040000_teams',
        'Migration20261201000000_statement_identity',
        'Migration20261201100000_set_based_allocations',
        'Migration20261202000000_sign_in_throttle',
        'Migration20261202030000_compliance_paths',
        'Migration20261202040000_communication_intent',
        'Migration20261203000000_audit_log_filters',
        'Migration20261203010000_account_name_key',
        'Migration20261204000000_statement_line_indexes',
        'Migration20261205000000_import_workflow_starts',
        'Migration20261206000000_account_events',
        'Migration20261207000000_payment_models',
        'Migration20261208000000_invoice_predictions',
        'Migration20261209000000_model_backtest',
        'Migration20261210120000_debtor_portal',
        'Migration20261211000000_portal_visit_event',
        'Migration20261212000000_dispute_attachments',
        'Migration20261213000000_portal_requests',
        'Migration20261214000000_template_attach_letter',
        'Migration20261215000000_api_tokens',
      ];
      expect(await pendingMigrations(orm)).toEqual(all);
      expect(await migrateToLatest(orm)).toEqual(all);
      expect(await pendingMigrations(orm)).toEqual([]);
      expect(await migrateToLatest(orm)).toEqual([]);

      const tables = await orm.em.fork().execute<{ table_name: string }[]>(
        `select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
      );
      expect(tables.map((t) => t.table_name)).toEqual(
        expect.arrayContaining([
          'account', 'account_note', 'api_token', 'api_token_rate_limit', 'allocation', 'app_user', 'audit_log', 'bank_statement', 'bank_statement_section', 'call_attempt', 'collection_run', 'collector_task',
          'communication', 'compliance_setting', 'contact', 'credit_note', 'csv_statement_mapping', 'dispute', 'dispute_attachment', 'dispute_item', 'escalation',
          'idempotency_record', 'import_batch', 'invoice', 'invoice_prediction', 'outbox_message', 'payment', 'payment_model', 'payment_plan', 'promise',
          'portal_checkout', 'portal_code', 'portal_rate_limit', 'promise_allocation', 'session', 'sign_in_throttle', 'statement_line', 'strategy', 'strategy_assignment', 'strategy_version', 'template',
        ]),
      );
    } finally {
      await orm.close(true);
    }
  });

  it('match the entity metadata, so the ORM reads and writes every column', async () => {
    const orm = await createOrm({ databaseUrl: urlFor(database) });
    try {
      // The migration adds indexes, checks, defaults and foreign keys the metadata does not describe; what must agree
      // are the tables, the columns, their types and their nullability.
      const diff = await orm.schema.getUpdateSchemaSQL({ wrap: false, safe: false });
      const columnChanges = diff
        .split('\n')
        .filter((line) => /create table|drop table|add column|drop column|" type |set not null|drop not null/.test(line));
      expect(columnChanges).toEqual([]);
    } finally {
      await orm.close(true);
    }
  });
});
