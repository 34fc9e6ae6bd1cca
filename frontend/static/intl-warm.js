// Started by main.js when the app opens on the hotspot list: makes the
// start language's `Intl` number format, plural rules and date format once,
// off the page's thread, so the locale data they load (shared by the whole
// process) is ready when the list's first frame writes its numbers and its
// date. It keeps nothing and ends. The locales are those of
// frontend/src/i18n.rs (`Lang::html`, and en-GB for dates).
const code = self.name || 'de';
const lang = code.startsWith('de') ? 'de' : code;
try {
  new Intl.NumberFormat(lang).format(138);
  new Intl.PluralRules(lang).select(138);
  new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : lang, { dateStyle: 'medium', timeStyle: 'short' }).format(0);
  self.postMessage('done');
} catch (e) {
  self.postMessage('failed');
} finally {
  self.close();
}
