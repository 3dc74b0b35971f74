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
          h('span', { 'aria-hidden': 'true' }, '🔊 '), h('span.visually-hidden', {}, `${t('app.phrases.speak')} `), l.toUpperCase()) : null))))];
}
