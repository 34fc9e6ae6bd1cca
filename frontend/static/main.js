// Loads the WebAssembly frontend. A separate file, not an inline script:
// the Content-Security-Policy allows scripts from the app itself only.
//
// It comes in three builds (ARCHITECTURE.md, "The frontend's modules"): the
// start module `muc_start` (the frame and the home screen, a third of the
// bytes), the Wi-Fi module `muc_wifi` (home and the Wi-Fi area, for opening
// on the hotspot list) and the whole frontend `muc_frontend`. The app opens
// with the one its start screen needs; when the person opens an area the
// module does not have, the whole one is loaded and takes over.
//
// `async` in index.html: this runs as soon as it arrives, so the module and
// its wasm are fetched while the styles still load.

// Marks for the benchmark's start-up timeline (frontend/src/timeline.rs).
performance.mark('main.js runs');

const info = window.__MUC_APP_INFO__;
const startScreen = info && info.start_screen;
const first = !startScreen ? 'muc_start' : startScreen === 'hotspots' ? 'muc_wifi' : 'muc_frontend';
let whole = null;
// The start language's code (`muc_messages::LANGUAGES`), whose texts the shell put here.
const startLang = (window.__MUC_MESSAGES__ && window.__MUC_MESSAGES__.lang) || 'de';

// A module's code and its wasm, fetched together rather than one after the other.
function load(name) {
  const wasm = fetch(`./${name}_bg.wasm`);
  return import(`./${name}.js`).then(async (m) => {
    await m.default({ module_or_path: wasm });
    return m;
  });
}

const bodyParsed = document.readyState === 'loading'
  ? new Promise((done) => document.addEventListener('DOMContentLoaded', done, { once: true }))
  : Promise.resolve();

// Which module draws the page, for anyone looking (and the end-to-end tests).
const drawnBy = (name) => {
  document.documentElement.dataset.frontend = { muc_start: 'start', muc_wifi: 'wifi' }[name] || 'whole';
};

const started = load(first);
// The hotspot list writes numbers, plurals and a date in its first frame
// (`Intl`, frontend/src/i18n.rs). The first `Intl` object in the process
// costs WebKit 10–13 ms (ICU's locale data), whichever kind it is; a
// worker makes them on the other core while the wasm compiles, and the
// data it loads is shared by the process. On a 2-core machine the compile
// is 4–10 ms slower with it, about what the first render gains (BENCHMARKS.md,
// start-up); with more cores, as on most phones, it does not compete.
// After the module's requests, so they go first. Only a speed-up: if a policy
// forbids the worker, the page makes them itself as before.
if (first === 'muc_wifi' && window.Worker) {
  try {
    const warm = new Worker('./intl-warm.js', { name: startLang });
    // For anyone looking (and the end-to-end tests): the worker ran.
    warm.onmessage = (e) => { document.documentElement.dataset.intlWarm = e.data; };
  } catch (e) {
    console.warn('Intl warm-up worker not started', e);
  }
}

Promise.all([started, bodyParsed]).then(([m]) => {
  performance.mark('wasm ready');
  drawnBy(first);
  if (first !== 'muc_frontend') {
    // Called by the module (src/handover.rs) with the area to open.
    window.__mucOpenWhole = (code) => {
      whole ??= load('muc_frontend').then((w) => {
        m.stop_app();
        const fresh = document.createElement('div');
        fresh.id = 'app';
        document.getElementById('app').replaceWith(fresh);
        drawnBy('muc_frontend');
        w.run_app(code);
      }).catch((e) => {
        whole = null; // the next try loads it again
        throw e;
      });
      return whole;
    };
  }
  m.run_app();
}).catch((e) => {
  const app = document.getElementById('app');
  app.textContent = 'Die App konnte nicht starten. / The app could not start.';
  console.error(e);
});

// The fonts the first screen's text is set in, fetched and decoded while the
// wasm compiles (the page has nothing else to do then). Left to the first
// layout, they arrive after it: the text is drawn in a fallback font, then
// laid out and painted again within the first frames (on the hotspot list
// that took the two frames after the first render from 48 to 28 ms;
// BENCHMARKS.md, start-up). The sample text picks the subsets the start
// language needs besides Latin (`unicode-range` in fonts.css).
function warmFonts() {
  const sample = { tr: 'aş', uk: 'aж' }[startLang] || 'a';
  for (const font of ['400 1em "Open Sans"', '600 1em "Open Sans"', '700 1em "Open Sans"', '700 1em "Roboto Condensed"']) {
    document.fonts.load(font, sample).catch(() => {});
  }
}
if (document.fonts) {
  // fonts.css comes before this script in index.html, but may still be loading.
  const css = document.querySelector('link[href="fonts.css"]');
  if (css && !css.sheet) {
    css.addEventListener('load', warmFonts, { once: true });
  } else {
    warmFonts();
  }
}

