//! End-to-end tests: the real app binary under Xvfb over WebDriver, the real
//! portal binary on loopback. One test binary with a module per area, so it
//! is linked once.

mod finders;
mod hotspots;
mod keyboard;
mod kiosk;
mod languages;
mod login;
mod notices;
mod outbox;
mod package;
mod phone;
mod report;
mod resilience;
