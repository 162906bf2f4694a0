import { paragraphs } from './openapi-document.ts';

/** One line of the API's text, `backticked` words set as code. */
export function InlineText({ text }: { text: string }) {
  const parts = text.split(/`([^`\n]+)`/);
  return (
    <>
      {parts.map((part, index) => (index % 2 === 1 ? <code key={index}>{part}</code> : part))}
    </>
  );
}

/** Text from the document as paragraphs (split at blank lines), with its inline code. */
export function Prose({ text, paragraphs: given, className }: { text?: string; paragraphs?: readonly string[]; className?: string }) {
  const parts = given ?? paragraphs(text ?? '');
  return (
    <>
      {parts.map((part, index) => (
        <p key={index} className={className}>
          <InlineText text={part} />
        </p>
      ))}
    </>
  );
}
