// Short operational phrases in the four languages, the host country's languages first and larger, read aloud through
// the browser's speech synthesis where it has one.
import { h, t } from './ui.js';

const SPOKEN = { BE: ['nl', 'fr', 'de'], NL: ['nl'], LU: ['fr', 'de'] };
const VOICE = { nl: 'nl-NL', fr: 'fr-FR', de: 'de-DE', en: 'en-GB' };

function speak(text, language) {
  window.speechSynthesis.cancel();
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.lang = VOICE[language];
  window.speechSynthesis.speak(utterance);
}

// Drawn, not a glyph: an emoji needs a font the phone may not have, and then shows as an empty box.
function speakerIcon() {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('class', 'icon');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
  path.setAttribute('d', 'M3 9v6h4l5 4V5L7 9H3zm13.5 3a4.5 4.5 0 0 0-2.5-4v8a4.5 4.5 0 0 0 2.5-4zM14 3.2v2.1a7 7 0 0 1 0 13.4v2.1a9 9 0 0 0 0-17.6z');
  svg.append(path);
  return svg;
}

export function renderPhrases(bundle, state) {
  const canSpeak = 'speechSynthesis' in window;
  const local = SPOKEN[state.place?.country] ?? ['nl', 'fr', 'de'];
  const order = [...local, ...['nl', 'fr', 'de', 'en'].filter((l) => !local.includes(l))];
  return [h('h2', {}, t('app.tab.phrases')),
    canSpeak ? null : h('p.hint', {}, t('app.phrases.no-speech')),
    bundle.phrases.map((phrase) => h('section.card.phrase', { 'data-testid': `phrase-${phrase.id}` },
      h('p.muted', { lang: bundle.language }, phrase.texts[bundle.language]),
      order.filter((l) => l !== bundle.language || local.includes(l)).map((l) => h('div.line', {},
        h(`span${local.includes(l) ? '.local' : ''}`, { lang: l }, phrase.texts[l]),
        canSpeak ? h('button.secondary', { type: 'button', 'data-testid': `speak-${phrase.id}-${l}`, onclick: () => speak(phrase.texts[l], l) },
          speakerIcon(), h('span.visually-hidden', {}, `${t('app.phrases.speak')} `), l.toUpperCase()) : null))))];
}
