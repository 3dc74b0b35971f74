// Small helpers shared by the screens: texts in the officer's language and safe element building (no innerHTML).
let texts = {};

export function setTexts(table) { texts = table || {}; }

/** The text for key with {0}, {1}… filled in; the key itself when missing, as the console does. */
export function t(key, ...args) {
  const text = texts[key] ?? key;
  return text.replace(/\{(\d+)\}/g, (_, i) => String(args[Number(i)] ?? ''));
}

/** h('p.hint', {data-testid: 'x'}, 'text', child…): an element with attributes and children. */
export function h(tag, attributes, ...children) {
  const [name, ...classes] = tag.split('.');
  const element = document.createElement(name);
  if (classes.length) element.className = classes.join(' ');
  for (const [key, value] of Object.entries(attributes || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on')) element.addEventListener(key.slice(2), value);
    else if (key === 'checked' || key === 'value') element[key] = value;
    else element.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

export function banner(kind, text, testId) {
  return h(`div.banner${kind ? '.' + kind : ''}`, { role: kind === 'error' ? 'alert' : 'status', 'data-testid': testId }, text);
}

export function countryName(code) { return t(`country.${code}`); }

export function formatDate(iso, language) {
  return new Date(iso).toLocaleDateString(language, { year: 'numeric', month: 'long', day: 'numeric' });
}
