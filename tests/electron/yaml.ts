/** Test helper: reads electron-builder.yml without a YAML dependency. */
/** A tiny reader for the subset of YAML the config uses: nested maps by indentation, "- item" lists, scalars. */
export type Yaml = string | boolean | Yaml[] | { [k: string]: Yaml };

function scalar(s: string): string | boolean {
  const v = s.trim().replace(/^"(.*)"$/, '$1');
  return v === 'true' ? true : v === 'false' ? false : v;
}

export function parseYaml(text: string): Yaml {
  const lines = text
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.trim().startsWith('#'))
    .map((l) => ({ indent: l.length - l.trimStart().length, text: l.trim() }));
  let i = 0;
  const block = (indent: number): Yaml => {
    if (lines[i]?.text.startsWith('- ')) {
      const list: Yaml[] = [];
      while (i < lines.length && lines[i]!.indent === indent && lines[i]!.text.startsWith('- ')) {
        const item = lines[i]!.text.slice(2);
        if (/^[\w-]+:\s/.test(item)) {
          // "- key: value" starts a map item; its other keys sit two spaces deeper.
          lines[i] = { indent: indent + 2, text: item };
          list.push(block(indent + 2));
        } else {
          list.push(scalar(item));
          i++;
        }
      }
      return list;
    }
    const map: { [k: string]: Yaml } = {};
    while (i < lines.length && lines[i]!.indent === indent) {
      const m = /^([\w-]+):\s*(.*)$/.exec(lines[i]!.text);
      if (!m) throw new Error(`cannot read YAML line: ${lines[i]!.text}`);
      i++;
      map[m[1]!] = m[2] !== '' ? scalar(m[2]!) : i < lines.length && lines[i]!.indent > indent ? block(lines[i]!.indent) : '';
    }
    return map;
  };
  return block(0);
}

