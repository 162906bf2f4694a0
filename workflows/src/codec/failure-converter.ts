import { DefaultFailureConverter } from '@temporalio/common';

// Loaded by path (DataConverter.failureConverterPath): inside the workflow sandbox, for failures the workflow
// raises, and in the worker's and clients' main thread. A failure's message and stack trace move into an encoded
// payload, which the codec encrypts: an activity's error can quote an address or an amount, and history keeps it.
export const failureConverter = new DefaultFailureConverter({ encodeCommonAttributes: true });
