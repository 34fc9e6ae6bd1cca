pub mod coming_soon;
pub mod finders;
pub mod home;
pub mod hotspot_detail;
pub mod hotspots;
pub mod my_reports;
pub mod report;
pub mod report_endpoint;
