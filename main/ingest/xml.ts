// Tiny XML readers for the metadata files of DOCX (docProps/core.xml) and EPUB (container.xml, the OPF
// package). htmlparser2 in XML mode: no DTDs, no external entities, nothing is ever fetched.
import { Parser } from 'htmlparser2';

export interface XmlElement {
  /** Local name, lower-cased, without its namespace prefix ("dc:title" → "title"). */
  name: string;
  attributes: Record<string, string>;
  text: string;
  /** Local names of the enclosing elements, outermost first. */
  path: string[];
}

const localName = (qualified: string) => qualified.slice(qualified.indexOf(':') + 1).toLowerCase();

/** Every element with its attributes (attribute names lower-cased, prefixes kept) and its own text. */
export function readXml(xml: string): XmlElement[] {
  const out: XmlElement[] = [];
  const stack: XmlElement[] = [];
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const element: XmlElement = { name: localName(name), attributes, text: '', path: stack.map((e) => e.name) };
        stack.push(element);
        out.push(element);
      },
      ontext(data) {
        const top = stack[stack.length - 1];
        if (top) top.text += data;
      },
      onclosetag() {
        stack.pop();
      },
    },
    { xmlMode: true, decodeEntities: true, lowerCaseAttributeNames: true },
  );
  parser.write(xml);
  parser.end();
  return out;
}

/** Text of the first element with this local name (optionally inside `parent`), trimmed. */
export function firstText(elements: XmlElement[], name: string, parent?: string): string | undefined {
  const found = elements.find((e) => e.name === name && (!parent || e.path.includes(parent)) && e.text.trim() !== '');
  return found?.text.trim();
}
