import { useId, useState } from 'react';
import { AccountPicker } from '../accounts/account-picker.tsx';
import type { AccountOption } from '../accounts/accounts-search.api.ts';
import type { TemplateFields } from './template-fields.ts';
import { TEMPLATE_CHANNELS, isTemplateChannel } from './templates.api.ts';
import type { PreviewRequest, TemplateChannel } from './templates.api.ts';
import { useTemplatePreview } from './use-template-preview.ts';

/** The delivery activity refuses longer SMS rather than cut them (SMS_MAX_CHARACTERS). */
const SMS_MAX_CHARACTERS = 1_600;

const CHANNEL_NAMES: Readonly<Record<TemplateChannel, string>> = {
  email: 'E-mail',
  sms: 'SMS',
  letter: 'Letter',
  webhook: 'Webhook',
};

interface TemplatePreviewProps {
  fields: TemplateFields;
}

function requestOf(account: AccountOption | null, channel: TemplateChannel, fields: TemplateFields): PreviewRequest | null {
  if (account === null) return null;
  const request: PreviewRequest = { accountId: account.id, channel, subject: fields.subject, bodyText: fields.bodyText };
  if (fields.smsText !== '') request.smsText = fields.smsText;
  return request;
}

/** The texts being edited, rendered by the server for a real account on a chosen channel. */
export function TemplatePreview({ fields }: TemplatePreviewProps) {
  const id = useId();
  const [account, setAccount] = useState<AccountOption | null>(null);
  const [chosenChannel, setChosenChannel] = useState<TemplateChannel | null>(null);
  const channel = chosenChannel ?? fields.channel;
  const state = useTemplatePreview(requestOf(account, channel, fields));
  const preview = state.status === 'ready' ? state.preview : state.status === 'loading' ? state.last : null;

  return (
    <section className="template-preview" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="template-preview__title">
        Preview
      </h2>
      <AccountPicker label="Preview for account" value={account} onChange={setAccount} />
      <div className="field">
        <label className="field__label" htmlFor={`${id}-channel`}>
          Preview as
        </label>
        <select
          id={`${id}-channel`}
          className="field__input"
          value={channel}
          onChange={(event) => {
            if (isTemplateChannel(event.target.value)) setChosenChannel(event.target.value);
          }}
        >
          {TEMPLATE_CHANNELS.map((option) => (
            <option key={option} value={option}>
              {CHANNEL_NAMES[option]}
            </option>
          ))}
        </select>
      </div>

      {account === null ? <p className="template-preview__hint">Choose an account to see the message as its debtor would receive it.</p> : null}
      {state.status === 'loading' ? (
        <p className="template-preview__hint" role="status">
          <span className="spinner" aria-hidden="true" /> Rendering…
        </p>
      ) : null}
      {state.status === 'failed' ? (
        <div className="form__error" role="alert">
          <p>{state.failure.message}</p>
          {state.failure.fields.map((field) => (
            <p key={`${field.path}:${field.reason}`}>
              {field.path ? <code>{field.path}</code> : null} {field.reason}
            </p>
          ))}
        </div>
      ) : null}
      {preview ? (
        <article className={`template-preview__message${state.status === 'loading' ? ' template-preview__message--stale' : ''}`} aria-label="Rendered message">
          {channel === 'sms' ? (
            <p className="template-preview__meta">
              {[...preview.text].length} of {SMS_MAX_CHARACTERS} characters
              {[...preview.text].length > SMS_MAX_CHARACTERS ? ' — too long: the SMS would not be sent' : ''}
            </p>
          ) : (
            <p className="template-preview__subject">
              <span className="template-preview__label">Subject</span> <span>{preview.subject}</span>
            </p>
          )}
          <div className="template-preview__text">
            {preview.text}
          </div>
        </article>
      ) : null}
    </section>
  );
}
