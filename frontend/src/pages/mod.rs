pub mod coming_soon;
pub mod home;
pub mod hotspot_detail;
pub mod hotspots;
