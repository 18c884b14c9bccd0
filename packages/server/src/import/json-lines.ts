/**
 * Where in a JSON text each value starts, by path, so an import error can name the line an
 * editor must fix. Only for texts JSON.parse accepted: it trusts the syntax.
 */
export type JsonPath = ReadonlyArray<string | number>;

export function jsonValueLines(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  let at = 0;
  let line = 1;
  const skip = () => {
    while (at < text.length && /\s/.test(text[at]!)) if (text[at++] === '\n') line++;
  };
  const string = (): string => {
    const start = at;
    at++;
    while (text[at] !== '"') at += text[at] === '\\' ? 2 : 1;
    at++;
    return JSON.parse(text.slice(start, at)) as string;
  };
  const value = (path: JsonPath): void => {
    skip();
    lines.set(pathKey(path), line);
    const char = text[at];
    if (char === '{') {
      at++;
      skip();
      while (text[at] !== '}') {
        skip();
        const key = string();
        skip();
        at++; // :
        value([...path, key]);
        skip();
        if (text[at] === ',') at++;
        skip();
      }
      at++;
    } else if (char === '[') {
      at++;
      skip();
      for (let index = 0; text[at] !== ']'; index++) {
        value([...path, index]);
        skip();
        if (text[at] === ',') at++;
        skip();
      }
      at++;
    } else if (char === '"') {
      string();
    } else {
      while (at < text.length && /[^,\]}\s]/.test(text[at]!)) at++;
    }
  };
  value([]);
  return lines;
}

export function pathKey(path: JsonPath): string {
  return JSON.stringify(path);
}

/** The line of `path`, or of its closest ancestor present in the text (a missing key: its object). */
export function lineOf(lines: Map<string, number>, path: JsonPath): number {
  for (let length = path.length; length >= 0; length--) {
    const line = lines.get(pathKey(path.slice(0, length)));
    if (line !== undefined) return line;
  }
  return 1;
}

/** The line of a JSON.parse error ("… in JSON at position 42"). */
export function lineOfPosition(text: string, message: string): number {
  const position = /position (\d+)/.exec(message);
  return position ? text.slice(0, Number(position[1])).split('\n').length : 1;
}
