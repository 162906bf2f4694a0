import { Migration20261123000000_initial_schema } from './Migration20261123000000_initial_schema.ts';
import { Migration20261123120000_communication_deferred } from './Migration20261123120000_communication_deferred.ts';
import { Migration20261123130000_contact_opt_out_token } from './Migration20261123130000_contact_opt_out_token.ts';
import { Migration20261124010000_reminder_channels } from './Migration20261124010000_reminder_channels.ts';
import { Migration20261124020000_strategy_assignment } from './Migration20261124020000_strategy_assignment.ts';
import { Migration20261124030000_promises_disputes } from './Migration20261124030000_promises_disputes.ts';
import { Migration20261124040000_engine_nodes } from './Migration20261124040000_engine_nodes.ts';
import { Migration20261124050000_compliance } from './Migration20261124050000_compliance.ts';
import { Migration20261124060000_bank_statements } from './Migration20261124060000_bank_statements.ts';
import { Migration20261124070000_reconciliation } from './Migration20261124070000_reconciliation.ts';
import { Migration20261124080000_invoice_reference_statistics } from './Migration20261124080000_invoice_reference_statistics.ts';
import { Migration20261125030000_inbox_notes } from './Migration20261125030000_inbox_notes.ts';
import { Migration20261125040000_teams } from './Migration20261125040000_teams.ts';
import { Migration20261201000000_statement_identity } from './Migration20261201000000_statement_identity.ts';
import { Migration20261201100000_set_based_allocations } from './Migration20261201100000_set_based_allocations.ts';
import { Migration20261202000000_sign_in_throttle } from './Migration20261202000000_sign_in_throttle.ts';
import { Migration20261202030000_compliance_paths } from './Migration20261202030000_compliance_paths.ts';
import { Migration20261202040000_communication_intent } from './Migration20261202040000_communication_intent.ts';
import { Migration20261203000000_audit_log_filters } from './Migration20261203000000_audit_log_filters.ts';
import { Migration20261203010000_account_name_key } from './Migration20261203010000_account_name_key.ts';
import { Migration20261204000000_statement_line_indexes } from './Migration20261204000000_statement_line_indexes.ts';
import { Migration20261205000000_import_workflow_starts } from './Migration20261205000000_import_workflow_starts.ts';

// Every migration, oldest first. Add new migration files here: the ORM runs this list rather than globbing the folder.
export const MIGRATIONS = [
  { name: 'Migration20261123000000_initial_schema', class: Migration20261123000000_initial_schema },
  { name: 'Migration20261123120000_communication_deferred', class: Migration20261123120000_communication_deferred },
  { name: 'Migration20261123130000_contact_opt_out_token', class: Migration20261123130000_contact_opt_out_token },
  { name: 'Migration20261124010000_reminder_channels', class: Migration20261124010000_reminder_channels },
  { name: 'Migration20261124020000_strategy_assignment', class: Migration20261124020000_strategy_assignment },
  { name: 'Migration20261124030000_promises_disputes', class: Migration20261124030000_promises_disputes },
  { name: 'Migration20261124040000_engine_nodes', class: Migration20261124040000_engine_nodes },
  { name: 'Migration20261124050000_compliance', class: Migration20261124050000_compliance },
  { name: 'Migration20261124060000_bank_statements', class: Migration20261124060000_bank_statements },
  { name: 'Migration20261124070000_reconciliation', class: Migration20261124070000_reconciliation },
  { name: 'Migration20261124080000_invoice_reference_statistics', class: Migration20261124080000_invoice_reference_statistics },
  { name: 'Migration20261125030000_inbox_notes', class: Migration20261125030000_inbox_notes },
  { name: 'Migration20261125040000_teams', class: Migration20261125040000_teams },
  { name: 'Migration20261201000000_statement_identity', class: Migration20261201000000_statement_identity },
  { name: 'Migration20261201100000_set_based_allocations', class: Migration20261201100000_set_based_allocations },
  { name: 'Migration20261202000000_sign_in_throttle', class: Migration20261202000000_sign_in_throttle },
  { name: 'Migration20261202030000_compliance_paths', class: Migration20261202030000_compliance_paths },
  { name: 'Migration20261202040000_communication_intent', class: Migration20261202040000_communication_intent },
  { name: 'Migration20261203000000_audit_log_filters', class: Migration20261203000000_audit_log_filters },
  { name: 'Migration20261203010000_account_name_key', class: Migration20261203010000_account_name_key },
  { name: 'Migration20261204000000_statement_line_indexes', class: Migration20261204000000_statement_line_indexes },
  { name: 'Migration20261205000000_import_workflow_starts', class: Migration20261205000000_import_workflow_starts },
] as const;
