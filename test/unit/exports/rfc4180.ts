/**
 * A small RFC 4180 reader for the tests: records end with CRLF, fields are separated by commas, a field in double
 * quotes may hold commas, CR, LF and doubled quotes. Strict: a bare LF outside quotes, a quote inside an unquoted
 * field or text after a closing quote is an error, so a writer that gets any of it wrong fails the round trip.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let i = 0;
  let quoted = false;
  let wasQuoted = false;
  while (i < text.length) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        const next = text[i];
        if (next !== undefined && next !== "," && next !== "\r") throw new Error(`text after a closing quote at ${i}`);
        continue;
      }
      field += ch;
      i++;
      continue;
    }
    if (ch === '"') {
      if (field !== "" || wasQuoted) throw new Error(`a quote inside an unquoted field at ${i}`);
      quoted = true;
      wasQuoted = true;
      i++;
    } else if (ch === ",") {
      row.push(field);
      field = "";
      wasQuoted = false;
      i++;
    } else if (ch === "\r") {
      if (text[i + 1] !== "\n") throw new Error(`CR without LF at ${i}`);
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      wasQuoted = false;
      i += 2;
    } else if (ch === "\n") {
      throw new Error(`a bare LF at ${i}`);
    } else {
      field += ch;
      i++;
    }
  }
  if (quoted) throw new Error("an unterminated quoted field");
  if (field !== "" || row.length) throw new Error("the last record does not end with CRLF");
  return rows;
}
