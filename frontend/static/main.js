// Loads the WebAssembly frontend. A separate file, not an inline script:
// the Content-Security-Policy allows scripts from the app itself only.
//
// It comes in two builds (ARCHITECTURE.md, "Two modules"): the start module
// `muc_start` (the frame and the home screen, a third of the bytes) and the
// whole frontend `muc_frontend`. The app opens with the start module, or
// with the whole one when the shell asks for another start screen; when
// the person opens an area, the whole one is loaded and takes over.
//
// `async` in index.html: this runs as soon as it arrives, so the module and
// its wasm are fetched while the styles still load.

// Marks for the benchmark's start-up timeline (frontend/src/timeline.rs).
performance.mark('main.js runs');

const info = window.__MUC_APP_INFO__;
const first = info && info.start_screen ? 'muc_frontend' : 'muc_start';
let whole = null;

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
  document.documentElement.dataset.frontend = name === 'muc_start' ? 'start' : 'whole';
};

Promise.all([load(first), bodyParsed]).then(([m]) => {
  performance.mark('wasm ready');
  drawnBy(first);
  if (first === 'muc_start') {
    // Called by the start module (src/handover.rs) with the area to open.
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
