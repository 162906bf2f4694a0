import { RecoupError } from '@recoup/domain';

/**
 * Base of every error the workflows package throws on purpose: its client (a workflow that refused or is missing),
 * its activities (which Temporal reports by the error's name) and its payload codec. Each subclass keeps a literal
 * `name`, because activity retry policies and the API match on it across bundles.
 */
export class WorkflowsError extends RecoupError {}
