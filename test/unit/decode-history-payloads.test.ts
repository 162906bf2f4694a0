import { randomBytes } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { defaultPayloadConverter } from '@temporalio/common';
import { historyFromJSON, historyToJSON, payloadToJSON } from '@temporalio/common/lib/proto-utils.js';
import { toHistoryView } from '../../workflows/src/client/history-view.ts';
import { decodeHistoryPayloads } from '../../workflows/src/codec/decode-history.ts';
import { EncryptionCodec } from '../../workflows/src/codec/encryption-codec.ts';

const codec = new EncryptionCodec({ activeKeyId: 'k1', keys: [{ id: 'k1', key: randomBytes(32).toString('base64') }] });
const seal = async (value: unknown) => {
  const [sealed] = await codec.encode([defaultPayloadConverter.toPayload(value)]);
  if (!sealed) throw new Error('nothing sealed');
  return sealed;
};
/** A history as Temporal hands it out with the codec on: a start, a signal, a failed activity, a search attribute. */
async function encryptedHistory() {
  const json = (payload: Awaited<ReturnType<typeof seal>>) => payloadToJSON(payload);
  return historyFromJSON({
    events: [
      {
        eventId: '1',
        eventType: 'EVENT_TYPE_WORKFLOW_EXECUTION_STARTED',
        workflowExecutionStartedEventAttributes: {
          workflowType: { name: 'collectionWorkflow' },
          input: { payloads: [json(await seal({ accountId: 'a-1', strategyVersionId: 'v-1' }))] },
        },
      },
      {
        eventId: '2',
        eventType: 'EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED',
        workflowExecutionSignaledEventAttributes: {
          signalName: 'paymentApplied',
          input: { payloads: [json(await seal({ amountMinor: '7319185', currency: 'EUR' }))] },
        },
      },
      {
        eventId: '3',
        eventType: 'EVENT_TYPE_ACTIVITY_TASK_FAILED',
        activityTaskFailedEventAttributes: {
          // As DefaultFailureConverter({ encodeCommonAttributes: true }) writes it, sealed by the codec.
          failure: {
            message: 'Encoded failure',
            encodedAttributes: json(await seal({ message: '550 mailbox zeb.q@example.test unavailable', stack_trace: '' })),
            applicationFailureInfo: { type: 'Error' },
          },
        },
      },
      {
        eventId: '4',
        eventType: 'EVENT_TYPE_UPSERT_WORKFLOW_SEARCH_ATTRIBUTES',
        upsertWorkflowSearchAttributesEventAttributes: {
          searchAttributes: { indexedFields: { RecoupNode: json(defaultPayloadConverter.toPayload('wait-pre-due')) } },
        },
      },
    ],
  });
}

describe('decoding a fetched history', () => {
  it('opens every encrypted payload in place, so the history readers see the values', async () => {
    const history = await encryptedHistory();
    expect(toHistoryView(history.events ?? []).find((e) => e.eventId === '2')?.details).toEqual({ signal: 'paymentApplied', input: ['<undecodable payload>'] });
    await decodeHistoryPayloads(history, [codec]);
    const view = toHistoryView(history.events ?? []);
    expect(view.find((e) => e.eventId === '1')?.details).toEqual({ input: [{ accountId: 'a-1', strategyVersionId: 'v-1' }] });
    expect(view.find((e) => e.eventId === '2')?.details).toEqual({ signal: 'paymentApplied', input: [{ amountMinor: '7319185', currency: 'EUR' }] });
  });

  it('gives an encoded failure back its message', async () => {
    const history = await encryptedHistory();
    const failed = history.events?.[2]?.activityTaskFailedEventAttributes?.failure;
    expect(failed?.message).toBe('Encoded failure');
    await decodeHistoryPayloads(history, [codec]);
    expect(failed?.message).toBe('550 mailbox zeb.q@example.test unavailable');
  });

  it('leaves payloads it does not recognise, such as search attributes, as they were', async () => {
    const history = await encryptedHistory();
    await decodeHistoryPayloads(history, [codec]);
    const field = history.events?.[3]?.upsertWorkflowSearchAttributesEventAttributes?.searchAttributes?.indexedFields?.['RecoupNode'];
    expect(defaultPayloadConverter.fromPayload(field ?? {})).toBe('wait-pre-due');
  });

  it('still turns into Temporal JSON for the raw download', async () => {
    const history = await decodeHistoryPayloads(await encryptedHistory(), [codec]);
    const json = historyToJSON(history);
    expect(json).toContain(Buffer.from(JSON.stringify({ amountMinor: '7319185', currency: 'EUR' })).toString('base64'));
  });
});
