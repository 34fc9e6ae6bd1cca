// Report the first painted frame, as the real app does.
requestAnimationFrame(() => requestAnimationFrame(() => window.__TAURI__.core.invoke('frontend_ready')));
