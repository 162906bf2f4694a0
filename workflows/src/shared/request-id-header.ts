// The Temporal header that carries the id of the HTTP request that asked something of a workflow: from the API's
// client (client/request-id-interceptor.ts), through the workflow (workflows/request-id-interceptors.ts), to the
// activities it schedules, whose log entries carry it (worker/request-id-activity-interceptor.ts).
export const REQUEST_ID_HEADER = 'recoup-request-id';
