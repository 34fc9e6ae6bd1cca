//! Places a person can pick: the parser lives in `muc_wire::places`, where
//! it is property-tested on the host.

pub use muc_wire::places::*;
