// A `sql` tagged template: values are always bound as parameters, never spliced into the text.

export type SqlValue = string | number | bigint | null | Uint8Array;

export interface SqlQuery {
  text: string;
  params: SqlValue[];
}

export function sql(strings: TemplateStringsArray, ...values: Array<SqlValue | SqlQuery>): SqlQuery {
  let text = strings[0];
  const params: SqlValue[] = [];
  values.forEach((value, i) => {
    if (isQuery(value)) {
      // Nested fragment: its text is ours, its values stay bound.
      text += value.text;
      params.push(...value.params);
    } else {
      text += '?';
      params.push(value);
    }
    text += strings[i + 1];
  });
  return { text, params };
}

/** Joins fragments with a separator (e.g. for `IN (...)` lists or optional WHERE clauses). */
export function join(parts: SqlQuery[], separator = ', '): SqlQuery {
  return {
    text: parts.map((p) => p.text).join(separator),
    params: parts.flatMap((p) => p.params),
  };
}

/** A constant fragment of SQL written by us (never user input). */
export function raw(text: string): SqlQuery {
  return { text, params: [] };
}

function isQuery(v: unknown): v is SqlQuery {
  return typeof v === 'object' && v !== null && !(v instanceof Uint8Array) && 'text' in v && 'params' in v;
}
