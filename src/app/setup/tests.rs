//! The first start driven by keys.
