// What tests need from the database package: a fresh database per suite, and rows made to order. Kept out of the
// main entry so that nothing in production imports it by accident.
export {
  createTestDatabase,
  prepareTestTemplate,
  TEST_PG_URL_ENV,
  TEST_TEMPLATE_DATABASE,
  TestDatabaseError,
  type TestDatabase,
} from './test-database.ts';
export { insertTestAccount, insertTestInvoice, type TestAccountFields, type TestInvoiceFields } from './records.ts';
