/** What every value editor of a comparison receives. */
export interface ValueInputProps {
  id: string;
  /** "Value of condition 2" */
  label: string;
  /** Ids of hints and problems that describe the field. */
  describedBy: string | undefined;
  value: unknown;
  disabled: boolean;
  invalid: boolean;
  onChange(value: unknown): void;
}

export function joinIds(...ids: (string | undefined | false)[]): string | undefined {
  const present = ids.filter((id): id is string => typeof id === 'string' && id !== '');
  return present.length > 0 ? present.join(' ') : undefined;
}
