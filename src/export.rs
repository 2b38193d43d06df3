//! Meetings rendered for people to read outside the workspace.

pub mod text;
