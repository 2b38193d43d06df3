//! How the chair's screen asks the clerk's workspace to step the agenda: a private socket
//! the clerk's workspace opens beside the meeting only while the clerk allows it (off by
//! default), so one person drives the running order and the chair's process writes no file.
//!
//! One JSON line each way: `{"step":"next"|"previous","from":<item id or null>}` asked,
//! `{"ok":bool,"said":"…"}` answered.

use std::fs;
use std::io::{self, BufRead, BufReader, ErrorKind, Read, Write};
use std::os::unix::fs::{FileTypeExt, MetadataExt, PermissionsExt};
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::model::{ItemId, MeetingId};

/// A step the chair may ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Step {
    Next,
    Previous,
}

/// What the chair's screen is told when nothing listens for it.
pub const NOT_ALLOWED: &str = "the clerk's workspace does not let the chair step the agenda";
/// How long the chair's screen waits for an answer: a hung clerk never freezes it.
pub const ANSWER_WAIT: Duration = Duration::from_secs(2);
/// How long the clerk's workspace waits for a connected request's line: its loop must
/// not stall on a caller that connects and says nothing.
const READ_WAIT: Duration = Duration::from_millis(200);
/// Requests taken in one turn of the clerk's loop; more wait for the next.
const PER_TURN: usize = 4;
/// Longest line either side reads: a request or an answer is far shorter.
const MAX_LINE: u64 = 4096;

#[derive(Serialize, Deserialize)]
struct Asking {
    step: Step,
    from: Option<ItemId>,
}

#[derive(Serialize, Deserialize)]
struct Answer {
    ok: bool,
    said: String,
}

/// Where the clerk's workspace listens for meeting `id`, while it allows the chair to step.
pub fn socket_path(dir: &Path, id: &MeetingId) -> PathBuf {
    dir.join(format!("{id}.chair"))
}

/// Asks the clerk's workspace for `step`, counted from `from` (the item the chair's screen
/// shows as current, so a stale screen cannot step twice). `Ok` is what the clerk's
/// workspace says it did; `Err` says why nothing moved.
pub fn request(
    dir: &Path,
    id: &MeetingId,
    step: Step,
    from: Option<ItemId>,
) -> Result<String, String> {
    request_within(dir, id, step, from, ANSWER_WAIT)
}

/// [`request`], waiting at most `wait` for the answer.
pub fn request_within(
    dir: &Path,
    id: &MeetingId,
    step: Step,
    from: Option<ItemId>,
    wait: Duration,
) -> Result<String, String> {
    let path = socket_path(dir, id);
    // A timeout is WouldBlock or TimedOut by platform; any other failure is named.
    let timed_out = |e: &io::Error| matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut);
    let unanswered = |e: io::Error| {
        if timed_out(&e) {
            format!(
                "the clerk's workspace did not answer within {} seconds; look at its agenda to \
                 see whether it moved",
                wait.as_secs_f32()
            )
        } else {
            format!("the link to the clerk's workspace failed: {e}")
        }
    };
    let stream = match connect_within(&path, wait) {
        Ok(stream) => stream,
        // No socket, or one a crashed workspace left: nobody lets the chair step.
        Err(e) if matches!(e.kind(), ErrorKind::NotFound | ErrorKind::ConnectionRefused) => {
            return Err(NOT_ALLOWED.into());
        }
        Err(e) if timed_out(&e) => return Err(unanswered(e)),
        Err(e) => {
            return Err(format!(
                "could not reach the clerk's workspace through {}: {e}",
                path.display()
            ));
        }
    };
    stream
        .set_read_timeout(Some(wait))
        .and_then(|()| stream.set_write_timeout(Some(wait)))
        .map_err(unanswered)?;
    let line = line_of(&Asking { step, from });
    (&stream).write_all(line.as_bytes()).map_err(unanswered)?;
    let reply = read_line(&stream).map_err(unanswered)?;
    if reply.is_empty() {
        return Err("the clerk's workspace closed the link without answering".into());
    }
    let answer: Answer = serde_json::from_str(&reply)
        .map_err(|e| format!("the clerk's workspace answered something unreadable: {e}"))?;
    match answer.ok {
        true => Ok(answer.said),
        false => Err(answer.said),
    }
}

/// Connects, waiting at most `wait`: a workspace so hung that its queue of connections is
/// full would otherwise block the chair's connect with no end. The thread left waiting
/// then ends when the workspace accepts or goes.
fn connect_within(path: &Path, wait: Duration) -> io::Result<UnixStream> {
    let (tx, rx) = std::sync::mpsc::channel();
    let path = path.to_path_buf();
    std::thread::spawn(move || {
        let _ = tx.send(UnixStream::connect(path));
    });
    rx.recv_timeout(wait)
        .unwrap_or_else(|_| Err(ErrorKind::TimedOut.into()))
}

fn line_of<T: Serialize>(value: &T) -> String {
    let mut line = serde_json::to_string(value).expect("plain fields serialize");
    line.push('\n');
    line
}

/// One line, at most [`MAX_LINE`] bytes; empty if the other side closed first.
fn read_line(stream: &UnixStream) -> io::Result<String> {
    let mut line = String::new();
    BufReader::new(stream.take(MAX_LINE)).read_line(&mut line)?;
    Ok(line)
}

/// The clerk's side: bound while the clerk allows the chair to step, removed when dropped.
#[derive(Debug)]
pub struct Listener {
    listener: UnixListener,
    path: PathBuf,
    /// Device and inode of the socket bound: only that file is removed on drop.
    bound: (u64, u64),
}

/// One request taken from the chair's screen, to be answered once.
#[derive(Debug)]
pub struct Asked {
    pub step: Step,
    pub from: Option<ItemId>,
    stream: UnixStream,
}

impl Asked {
    /// Sends the answer; a chair's screen that has gone is no concern of the clerk's.
    pub fn answer(self, reply: Result<String, String>) {
        send_answer(&self.stream, reply);
    }
}

fn send_answer(stream: &UnixStream, reply: Result<String, String>) {
    let (ok, said) = match reply {
        Ok(said) => (true, said),
        Err(said) => (false, said),
    };
    let _ = stream
        .set_write_timeout(Some(READ_WAIT))
        .and_then(|()| (&*stream).write_all(line_of(&Answer { ok, said }).as_bytes()));
}

impl Listener {
    /// Opens the socket for meeting `id` in `dir` (mode 0600). A socket a crashed
    /// workspace left is replaced once a connection to it is refused; a live one, or
    /// anything that is not a socket, is an error and left where it is.
    pub fn bind(dir: &Path, id: &MeetingId) -> Result<Listener, String> {
        let path = socket_path(dir, id);
        clear_stale(&path)?;
        let shown = path.display().to_string();
        let cannot =
            |e: io::Error| format!("could not open the chair's link {shown} for meeting {id}: {e}");
        let listener = UnixListener::bind(&path).map_err(cannot)?;
        let listener = Listener {
            bound: fs::symlink_metadata(&path)
                .map(|m| (m.dev(), m.ino()))
                .map_err(cannot)?,
            listener,
            path,
        };
        // Dropped on failure, so the socket goes again.
        fs::set_permissions(&listener.path, fs::Permissions::from_mode(0o600))
            .and_then(|()| listener.listener.set_nonblocking(true))
            .map_err(cannot)?;
        Ok(listener)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The requests waiting now (a few at most), never waiting for one to arrive. A caller
    /// that sends something unreadable is answered at once and not yielded.
    pub fn poll(&self) -> Vec<Asked> {
        let mut asked = Vec::new();
        for _ in 0..PER_TURN {
            let Ok((stream, _)) = self.listener.accept() else {
                break;
            };
            if let Some(a) = take_request(stream) {
                asked.push(a);
            }
        }
        asked
    }
}

/// Reads one request from a just-accepted stream, waiting [`READ_WAIT`] at most.
fn take_request(stream: UnixStream) -> Option<Asked> {
    stream
        .set_nonblocking(false)
        .and_then(|()| stream.set_read_timeout(Some(READ_WAIT)))
        .ok()?;
    let line = read_line(&stream).ok()?;
    // Empty: a caller that only checked the socket is live, and has gone.
    if line.is_empty() {
        return None;
    }
    match serde_json::from_str::<Asking>(&line) {
        Ok(Asking { step, from }) => Some(Asked { step, from, stream }),
        Err(e) => {
            send_answer(&stream, Err(format!("the request was not understood: {e}")));
            None
        }
    }
}

/// Makes way for a new socket at `path`: nothing there, or a dead socket removed.
fn clear_stale(path: &Path) -> Result<(), String> {
    let meta = match fs::symlink_metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(format!("could not look at {}: {e}", path.display())),
    };
    if !meta.file_type().is_socket() {
        return Err(format!(
            "{} is in the way of the chair's link and is not a socket: it is left as it is; \
             move it away to let the chair step the agenda",
            path.display()
        ));
    }
    match UnixStream::connect(path) {
        Ok(_) => Err(format!(
            "another workspace already lets the chair step this meeting through {}",
            path.display()
        )),
        Err(e) if e.kind() == ErrorKind::ConnectionRefused => fs::remove_file(path)
            .map_err(|e| format!("could not remove the dead link {}: {e}", path.display())),
        Err(e) => Err(format!(
            "could not tell whether {} is still in use: {e}",
            path.display()
        )),
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        // Only the socket this listener made: never a file put there since.
        let ours = fs::symlink_metadata(&self.path).is_ok_and(|m| (m.dev(), m.ino()) == self.bound);
        if ours {
            let _ = fs::remove_file(&self.path);
        }
    }
}
