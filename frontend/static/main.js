// Loads the WebAssembly frontend. A separate file, not an inline script:
// the Content-Security-Policy allows scripts from the app itself only.
import init, { run_app } from './muc_frontend.js';

// Marks for the benchmark's start-up timeline (frontend/src/timeline.rs).
performance.mark('main.js runs');
init().then(() => {
  performance.mark('wasm ready');
  run_app();
}).catch((e) => {
  const app = document.getElementById('app');
  app.textContent = 'Die App konnte nicht starten. / The app could not start.';
  console.error(e);
});
