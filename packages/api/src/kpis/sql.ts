// A parameterised SQL fragment. Values always travel as bound parameters; only fragments built the same way are
// spliced in as text, so filters from the query string can never become SQL.
export interface Sql {
  readonly text: string;
  readonly params: readonly unknown[];
}

const isSql = (value: unknown): value is Sql =>
  typeof value === 'object' && value !== null && 'text' in value && 'params' in value && Array.isArray((value as Sql).params);

export const sql = (strings: TemplateStringsArray, ...values: unknown[]): Sql => {
  let text = strings[0] ?? '';
  const params: unknown[] = [];
  values.forEach((value, i) => {
    if (isSql(value)) {
      text += value.text;
      params.push(...value.params);
    } else {
      text += '?';
      params.push(value);
    }
    text += strings[i + 1] ?? '';
  });
  return { text, params };
};

export const EMPTY: Sql = { text: '', params: [] };

export const join = (parts: readonly Sql[], separator: string): Sql => ({
  text: parts.map((part) => part.text).join(separator),
  params: parts.flatMap((part) => part.params),
});
