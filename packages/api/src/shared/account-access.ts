// The account checks moved to access-scope.ts with the rest of object-level authorization; kept here so that
// code importing them from this module keeps working.
export { accessibleAccount, mayAccessAccount } from './access-scope.ts';
