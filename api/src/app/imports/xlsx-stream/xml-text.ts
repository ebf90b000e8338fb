import { ImportFileError, UNREADABLE_TEXT } from '../import-file-error';

export const unreadable = (): ImportFileError =>
  new ImportFileError('IMPORT_UNREADABLE', UNREADABLE_TEXT);

const NAMED: Record<string, string> = {
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
  apos: "'",
};

/**
 * XML character data to text: the five predefined entities and character references, decoded
 * once; line ends normalized as an XML parser does. Any other entity (a DTD's, e.g. XXE or
 * "billion laughs") is never expanded: the file is refused, as the SAX parser refuses it.
 */
export function decodeXml(text: string): string {
  if (text.indexOf('&') < 0)
    return text.indexOf('\r') < 0 ? text : text.replace(/\r\n?/g, '\n');
  let out = '';
  let from = 0;
  for (let amp = text.indexOf('&'); amp >= 0; amp = text.indexOf('&', from)) {
    const semi = text.indexOf(';', amp);
    if (semi < 0 || semi - amp > 12) throw unreadable();
    const name = text.slice(amp + 1, semi);
    let decoded: string | undefined;
    if (name.charCodeAt(0) === 35 /* # */) {
      const code = /^#x[0-9a-fA-F]{1,6}$/.test(name)
        ? parseInt(name.slice(2), 16)
        : /^#[0-9]{1,7}$/.test(name)
          ? parseInt(name.slice(1), 10)
          : NaN;
      if (!Number.isInteger(code) || code < 1 || code > 0x10ffff)
        throw unreadable();
      decoded = String.fromCodePoint(code);
    } else decoded = NAMED[name];
    if (decoded === undefined) throw unreadable();
    out += text.slice(from, amp) + decoded;
    from = semi + 1;
  }
  out += text.slice(from);
  return out.indexOf('\r') < 0 ? out : out.replace(/\r\n?/g, '\n');
}

const isSpace = (code: number) =>
  code === 32 || code === 9 || code === 10 || code === 13;

/**
 * The raw value of attribute `name` in the start tag `tag` (from `<` to `>`), or undefined. Names
 * compare exactly (with their prefix, e.g. "r:id").
 */
export function attribute(tag: string, name: string): string | undefined {
  let at = 0;
  for (;;) {
    at = tag.indexOf(name, at);
    if (at < 0) return undefined;
    const before = tag.charCodeAt(at - 1);
    let eq = at + name.length;
    while (isSpace(tag.charCodeAt(eq))) eq++;
    if (isSpace(before) && tag.charCodeAt(eq) === 61 /* = */) {
      let quote = eq + 1;
      while (isSpace(tag.charCodeAt(quote))) quote++;
      const mark = tag[quote];
      if (mark !== '"' && mark !== "'") throw unreadable();
      const end = tag.indexOf(mark, quote + 1);
      if (end < 0) throw unreadable();
      return tag.slice(quote + 1, end);
    }
    at += name.length;
  }
}

/** Every start tag `<name …>` or `<name …/>` in `xml`, as its text. */
export function* startTags(xml: string, name: string): Generator<string> {
  const open = '<' + name;
  for (let at = xml.indexOf(open); at >= 0; at = xml.indexOf(open, at + 1)) {
    const next = xml.charCodeAt(at + open.length);
    if (!isSpace(next) && next !== 62 /* > */ && next !== 47 /* / */) continue;
    const end = xml.indexOf('>', at);
    if (end < 0) throw unreadable();
    yield xml.slice(at, end + 1);
  }
}

/**
 * The text of a string item (`<si>` of the shared strings, `<is>` of an inline string): its `<t>`
 * elements, directly or in rich-text runs `<r>`, joined; phonetic guides (`<rPh>`, the furigana
 * Japanese Excel adds) are not part of the value.
 */
export function stringItemText(item: string): string {
  if (item.indexOf('<rPh') >= 0)
    item = item.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '');
  let out = '';
  for (let at = item.indexOf('<t'); at >= 0; at = item.indexOf('<t', at + 2)) {
    const next = item.charCodeAt(at + 2);
    if (!isSpace(next) && next !== 62 && next !== 47) continue;
    const end = item.indexOf('>', at);
    if (end < 0) throw unreadable();
    if (item.charCodeAt(end - 1) === 47) continue; // <t/>
    const close = item.indexOf('</t>', end);
    if (close < 0) throw unreadable();
    out += item.slice(end + 1, close);
    at = close;
  }
  return decodeXml(out);
}
