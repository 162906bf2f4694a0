export {
  DomainError,
  ERROR_KINDS,
  errorMessage,
  hasErrorCode,
  isErrorNamed,
  isRecoupError,
  RecoupError,
  type ErrorKind,
  type RecoupErrorOptions,
} from './errors.ts';
export { canonicalJson } from './canonical-json.ts';

export { CURRENCY_CODES, CURRENCY_EXPONENTS, currencyExponent, isCurrency, type CurrencyCode } from './currencies.ts';
export {
  CurrencyMismatchError,
  InvalidAmountError,
  InvalidCurrencyError,
  InvalidMoneyOperationError,
  type InvalidAmountReason,
} from './money-errors.ts';
export {
  add,
  allocateProRata,
  compare,
  formatMoney,
  isNegative,
  isZero,
  min,
  money,
  multiplyRatio,
  parseCurrency,
  parseMajorAmount,
  parseMinorUnits,
  parseMoney,
  subtract,
  sum,
  toDecimalString,
  toMinorString,
  toMoneyJson,
  type AmountParseOptions,
  type Money,
  type MoneyJson,
} from './money.ts';

export {
  InvalidDateError,
  InvalidTimeZoneError,
  addCalendarDays,
  calendarDayOf,
  calendarDaysBetween,
  nextCalendarDate,
  parseCalendarDate,
  wallClockAt,
  zonedWallTime,
} from './calendar.ts';
export {
  REG_F_CONTACT_WINDOW,
  checkContactTime,
  checkContactTimeInZones,
  type ContactTimeCheck,
  type ContactWindow,
  type ZonesTimeCheck,
} from './compliance/contact-window.ts';
export {
  addressZoneClue,
  countryZones,
  placeOfAddress,
  resolveDebtorZones,
  type AddressPlace,
  type DebtorZones,
  type DebtorZonesBasis,
  type ZoneClue,
  type ZoneClueSource,
  type WeighedClue,
} from './compliance/debtor-zones.ts';
export { US_STATE_ZONES } from './compliance/us-state-zones.ts';
export {
  CALL_LIMIT_SCOPES,
  DEFAULT_COMPLIANCE_SETTINGS,
  REG_F_CALL_LIMITS,
  callHistoriesFor,
  checkCallFrequency,
  checkCallFrequencyOn,
  type CallCheck,
  type CallHistory,
  type CallLimitScope,
  type CallLimits,
  type CallRule,
  type CallToJudge,
  type ComplianceSettings,
  type LoggedCall,
} from './compliance/call-frequency.ts';
export {
  channelRefusal,
  pickReachableContact,
  type ContactChannel,
  type ContactReachability,
} from './compliance/channel-consent.ts';
export {
  DEFAULT_AGING_BUCKETS,
  InvalidAgingBucketsError,
  ageReceivables,
  agingBucket,
  daysPastDue,
  validateAgingBuckets,
  type AgingBucket,
  type AgingBucketTotal,
  type AgingInput,
  type AgingRow,
} from './aging.ts';

export {
  FACTS,
  FACT_NAMES,
  OPERATORS_BY_TYPE,
  RULE_OPERATORS,
  bucketOf,
  type FactDefinition,
  type FactName,
  type FactType,
  type FactValues,
  type RuleOperator,
} from './facts.ts';

export * from './strategy/graph.ts';
export {
  NODE_KIND_REGISTRY,
  fixedKindExits,
  kindConditions,
  kindDefinition,
  kindExits,
  kindTitle,
  settingBounds,
  type KindRegistry,
  type SettingBounds,
  type NodeDataSchemas,
} from './strategy/kinds/registry.ts';
export { nextWeekdayAt, WEEKDAYS, type Weekday } from './strategy/kinds/wait-until-weekday.ts';
export type * from './strategy/engine-types.ts';
export { dispatchCommand } from './strategy/engine-types.ts';
export {
  EngineError,
  MissingEdgeError,
  MissingStateError,
  RunawayStepError,
  UnknownNodeError,
  UnknownTaskOutcomeError,
} from './strategy/engine-errors.ts';
export { MAX_DECISIONS, MAX_NODES_PER_STEP, nextWakeAt, startState, step } from './strategy/interpreter.ts';
export {
  awaitsOutcome,
  conditionsOf,
  exitHandles,
  needsWriteOffApproval,
  taskOutcomesAt,
  WRITE_OFF_APPROVAL_OUTCOMES,
} from './strategy/node-exits.ts';
export { checkMigration, migrateState, type MigrationCheck } from './strategy/migration.ts';
export { PROBLEM_CODES, type Problem, type ProblemCode } from './strategy/problems.ts';
export { validateStrategy, type ValidateStrategyOptions, type ValidationResult } from './strategy/validator.ts';
export { ruleProblems, type RuleCheckOptions, type RuleProblem, type RuleProblemCode } from './strategy/rule-problems.ts';
export {
  DEFAULT_PORTAL_POLICY,
  minimumInstallmentMinor,
  minimumPromiseMinor,
  planPolicyBreaches,
  portalPolicyOf,
  portalPolicySchema,
  promisePolicyBreaches,
  type PlanPolicy,
  type PolicyBreach,
  type PortalPolicy,
  type PortalPolicyInput,
  type PromisePolicy,
} from './strategy/portal-policy.ts';
export { DEFAULT_STRATEGY, type DefaultStrategy } from './strategy/default-strategy.ts';
export { ARM_BUCKETS, armBucket, fmix32, fnv1a32 } from './strategy/arm-hash.ts';
export {
  InvalidArmSplitsError,
  MAX_ARMS,
  MAX_ARM_LABEL_LENGTH,
  MIN_ARMS,
  armName,
  assertArmSplits,
  pickArm,
  validateArmSplits,
  type ArmSplit,
  type ArmSplitField,
  type ArmSplitProblem,
  type PickedArm,
} from './strategy/arms.ts';
export { DEFAULT_TEMPLATES, DEFAULT_TEMPLATE_KEYS, type EmailTemplate } from './strategy/default-templates.ts';
export { simulate } from './simulation/simulate.ts';
export { generatePortfolio } from './simulation/portfolio.ts';
export { evaluateRuleCondition, type RuleEvaluation } from './simulation/rule-evaluator.ts';
export { RuleEvaluationError, SimulationInputError } from './simulation/simulation-errors.ts';
export type * from './simulation/simulation-types.ts';
export { mulberry32 } from './simulation/prng.ts';

export {
  PROMISE_DEFAULT_GRACE_DAYS,
  PROMISE_MAX_DAYS_AHEAD,
  PROMISE_MAX_GRACE_DAYS,
  PROMISE_STATUSES,
  type PromiseJudgement,
  type PromiseStatus,
} from './promises/promise-rules.ts';
export { InvalidPaymentPlanError, InvalidPromiseError, type PromiseProblem } from './promises/promise-errors.ts';
export { byPromiseAge, matchPaymentToPromises, type MatchablePromise, type PromiseMatch } from './promises/match-payment.ts';
export { judgePromise, promiseDeadline, type JudgeablePromise } from './promises/judge-promise.ts';
export { planInstallments, type PlannedInstallment } from './promises/plan-installments.ts';
export { assertValidPromise, promiseProblems, type PromiseContext, type PromiseInput } from './promises/validate-promise.ts';
export {
  MATCH_RULES,
  type Allocation as MatchAllocation,
  type MatchAccount,
  type MatchOptions,
  type MatchProposal,
  type MatchRule,
  type OpenInvoice,
  type StatementLine,
} from './reconciliation/match-types.ts';
export {
  buildMatchIndex,
  lineReferences,
  matchStatementLine,
  normaliseReference,
  replaceMatchAccount,
  type MatchIndex,
} from './reconciliation/match-line.ts';
export { nameSimilarity, normaliseName } from './reconciliation/name-similarity.ts';
export {
  checkAllocations,
  type AllocationProblem,
  type AllocationProblemCode,
  type AllocationRequest,
  type LedgerInvoice,
  type LedgerPayment,
} from './reconciliation/ledger.ts';
export { exactSubset } from './reconciliation/subset-sum.ts';
export type { StatementProgress } from './reconciliation/statement-progress.ts';
export {
  balanceCheck,
  signedAmount,
  StatementParseError,
  type ParsedStatement,
  type StatementAccount,
  type StatementBalance,
  type StatementEntry,
  type StatementFormat,
  type StatementImbalance,
} from './statements/statement-types.ts';
export { identifyStatement, statementIdentity, type Digest, type LineKey, type StatementIdentities, type StatementKey } from './statements/statement-identity.ts';
export { detectStatementFormat } from './statements/statement-format.ts';
export { checkNoNul, MAX_XML_DEPTH, positionOf } from './statements/statement-input.ts';
export {
  findUnstorable,
  MAX_JSON_DEPTH,
  NUL,
  nulIndex,
  textProblem,
  type StorageProblem,
  type TextProblem,
  type Unstorable,
  type ValuePath,
} from './text/storable.ts';
export { MT940_DIALECTS, dialectOf, type Mt940Dialect } from './statements/mt940/mt940-dialects.ts';
export { parseBai2 } from './statements/bai2.ts';
export { parseCamt } from './statements/camt.ts';
export { parseMt940 } from './statements/mt940/mt940.ts';
export { CSV_DATE_FORMATS, parseCsvStatement, type CsvDateFormat, type CsvStatementMapping } from './statements/csv-statement.ts';

export { InvalidKpiInputError } from './kpi/kpi-errors.ts';
export { KPI_DECIMALS, ratioToNumber } from './kpi/ratio.ts';
export { simpleDso } from './kpi/simple-dso.ts';
export { countbackDso, type CountbackDso, type MonthOfSales } from './kpi/countback-dso.ts';
export { bestPossibleDso } from './kpi/best-possible-dso.ts';
export { averageDaysDelinquent } from './kpi/average-days-delinquent.ts';
export { collectionEffectivenessIndex, type CeiInput } from './kpi/collection-effectiveness-index.ts';
export { recoveryRate } from './kpi/recovery-rate.ts';
export {
  promiseKeptRate,
  tallyPromises,
  type PromiseKeptRate,
  type PromiseTally,
  type TalliedPromise,
} from './kpi/promise-kept-rate.ts';
export { DEFAULT_AGING_BOUNDS, agingBucketsFromBounds } from './kpi/aging-bounds.ts';
export {
  FORECAST_WEEKS,
  forecastCollections,
  type BucketCollectionRate,
  type CashForecastInput,
  type FallingDue,
  type ForecastWeek,
  type OverdueInBucket,
  type ScheduledReceipt,
} from './kpi/cash-forecast.ts';
export {
  TASK_PRIORITIES,
  compareByPriority,
  taskPriority,
  type TaskPriority,
  type TaskPriorityInput,
  type TaskPriorityScore,
} from './tasks/task-priority.ts';
export { COLLECTOR_TASK_STATUSES, COLLECTOR_TASK_TYPES, type CollectorTaskStatus, type CollectorTaskType } from './tasks/task-types.ts';
export type * from './prediction/ledger-history.ts';
export type { InvoicePredictionValues } from './prediction/invoice-prediction.ts';
export { accountPrediction, type AccountPrediction, type ScoredOpenInvoice } from './prediction/account-risk.ts';
export {
  describeReason,
  describeRecentPayments,
  recentPayments,
  type PredictionReason,
  type ReasonFeature,
  type RecentPayments,
} from './prediction/prediction-reasons.ts';
export type { BacktestOrigin, ForecastBacktest } from './prediction/forecast-backtest.ts';
export { backtestForecast, BACKTEST_HORIZON_WEEKS } from './prediction/forecast-backtest.ts';
export {
  CATEGORICAL_FEATURES,
  daysLate,
  NUMERIC_FEATURES,
  numericVector,
  paymentFeatures,
  quantile,
  RECENT_INVOICES,
  type CategoricalFeatureName,
  type NumericFeatureName,
  type PaymentFeatures,
} from './prediction/payment-features.ts';
export { areaUnderRoc, brierScore, intervalCoverage, meanAbsoluteError } from './prediction/metrics.ts';
export {
  OPEN_SNAPSHOT_DAYS,
  PAYMENT_CLASSES,
  paymentClass,
  paymentOutcome,
  splitByTime,
  trainingExamples,
  VERY_LATE_DAYS,
  type ExampleWindow,
  type PaymentClass,
  type PaymentOutcome,
  type TrainingExample,
} from './prediction/training-examples.ts';
export { API_TOKEN_SCOPES, API_TOKEN_SCOPE_DESCRIPTIONS, isApiTokenScope, type ApiTokenScope } from './api-token-scopes.ts';
