import { defaultPayloadConverter, type Payload, type PayloadCodec } from '@temporalio/common';

// A fetched history holds payloads as Temporal stores them: encrypted by the codec. The admin inspector, the raw
// history download and the account's decision timeline read payloads synchronously with the default converter, so
// the history is decoded once, here, before any of them look at it. The SDK has no walker over a history's
// payloads, so this one finds them by shape: an object whose metadata maps names to bytes.

const ENCODED_FAILURE = 'Encoded failure';

type Holder = Record<string, unknown>;
interface Slot {
  holder: Holder | unknown[];
  key: string | number;
  payload: Payload;
}

const isBytes = (value: unknown): value is Uint8Array => value instanceof Uint8Array;
const isRecord = (value: unknown): value is Holder => typeof value === 'object' && value !== null && !Array.isArray(value) && !isBytes(value);

const isPayload = (value: unknown): value is Payload => {
  if (!isRecord(value) || !isRecord(value['metadata'])) return false;
  const data = value['data'];
  return (data === undefined || data === null || isBytes(data)) && Object.values(value['metadata']).every(isBytes);
};

function collect(value: unknown, slots: Slot[], failures: Holder[]): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      if (isPayload(item)) slots.push({ holder: value, key: index, payload: item });
      else collect(item, slots, failures);
    });
    return;
  }
  if (!isRecord(value)) return;
  if (value['message'] === ENCODED_FAILURE && isPayload(value['encodedAttributes'])) failures.push(value);
  for (const [key, item] of Object.entries(value)) {
    if (isPayload(item)) slots.push({ holder: value, key, payload: item });
    else collect(item, slots, failures);
  }
}

/** A failure whose message and stack trace were sealed (encodeCommonAttributes) gets them back, once decoded. */
function restoreFailure(failure: Holder): void {
  let attributes: unknown;
  try {
    attributes = defaultPayloadConverter.fromPayload(failure['encodedAttributes'] as Payload);
  } catch {
    return;
  }
  if (!isRecord(attributes)) return;
  if (typeof attributes['message'] === 'string') failure['message'] = attributes['message'];
  if (typeof attributes['stack_trace'] === 'string') failure['stackTrace'] = attributes['stack_trace'];
}

/**
 * Decodes every payload in a history (or any part of one) in place, through the codecs in reverse order as the
 * SDK does, and restores the messages of encoded failures. Payloads the codecs do not recognise pass unchanged.
 */
export async function decodeHistoryPayloads<T extends object>(history: T, codecs: readonly PayloadCodec[]): Promise<T> {
  const slots: Slot[] = [];
  const failures: Holder[] = [];
  collect(history, slots, failures);
  let payloads = slots.map((slot) => slot.payload);
  for (const codec of [...codecs].reverse()) payloads = await codec.decode(payloads);
  slots.forEach((slot, index) => {
    const decoded = payloads[index];
    if (decoded === undefined) return;
    if (Array.isArray(slot.holder)) slot.holder[slot.key as number] = decoded;
    else slot.holder[slot.key as string] = decoded;
  });
  for (const failure of failures) restoreFailure(failure);
  return history;
}
