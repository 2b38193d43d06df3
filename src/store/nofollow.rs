//! Opening our own files (locks, journals, temp files) without following a symbolic link,
//! so a link planted in the data directory can never redirect a write to another file.

use std::fs::OpenOptions;
use std::io;
use std::path::Path;

/// Adds `O_NOFOLLOW`: opening a path that is a symbolic link fails instead of following it.
pub fn no_follow(options: &mut OpenOptions) -> &mut OpenOptions {
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NOFOLLOW);
    }
    options
}

/// Says in words that `path` is a link we refused, when that is why opening it failed
/// (`ELOOP` from `O_NOFOLLOW`, or `EEXIST` from a link sitting at a name we create).
pub fn explain(path: &Path, e: io::Error) -> io::Error {
    let is_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    #[cfg(unix)]
    let looped = e.raw_os_error() == Some(libc::ELOOP);
    #[cfg(not(unix))]
    let looped = false;
    if is_link || looped {
        io::Error::other(format!(
            "{} is a symbolic link, which minutebook never follows (it may have been planted \
             to redirect the write); nothing was written to where it points: remove the link",
            path.display()
        ))
    } else {
        e
    }
}

/// Refuses `path` if it is a symbolic link (for files we replace by rename).
pub fn refuse_link(path: &Path) -> io::Result<()> {
    match std::fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => Err(explain(path, io::ErrorKind::Other.into())),
        _ => Ok(()),
    }
}
