//! The real binary in a pseudo-terminal: keys in, screen read back through vt100.

use std::fs::File;
use std::io::{PipeReader, PipeWriter, Read, Write};
use std::os::fd::{AsRawFd, BorrowedFd};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, ExitStatus, PtySize, native_pty_system};

/// How long a wait may take before the test fails. Only a bound for a test that is stuck:
/// every wait ends as soon as its condition holds, so this is generous for a loaded machine.
const PATIENCE: Duration = Duration::from_secs(120);

pub struct Pty {
    child: Box<dyn portable_pty::Child + Send + Sync>,
    /// A plain duplicate of the master: portable-pty's own writer types "\n^D" into the
    /// program when dropped, which would land in the minutes.
    writer: Option<File>,
    parser: Arc<Mutex<vt100::Parser>>,
    /// Reads the screen until the terminal ends or `wake` is written to.
    reader: Option<JoinHandle<()>>,
    wake: PipeWriter,
    master: Option<Box<dyn portable_pty::MasterPty + Send>>,
}

/// A second descriptor of the master end, owned apart from portable-pty's.
fn dup_master(master: &dyn portable_pty::MasterPty) -> File {
    let fd = master.as_raw_fd().expect("a unix pty");
    // SAFETY: the master is open for as long as this borrow, which is cloned at once.
    let borrowed = unsafe { BorrowedFd::borrow_raw(fd) };
    File::from(borrowed.try_clone_to_owned().expect("dup the pty master"))
}

/// Feeds what the program draws to the parser until the terminal ends (EOF or EIO once
/// the program and its terminal are gone) or the test hangs up.
fn read_screen(mut master: File, wake: PipeReader, parser: Arc<Mutex<vt100::Parser>>) {
    let mut buf = [0u8; 8192];
    loop {
        let mut fds = [
            libc::pollfd {
                fd: master.as_raw_fd(),
                events: libc::POLLIN,
                revents: 0,
            },
            libc::pollfd {
                fd: wake.as_raw_fd(),
                events: libc::POLLIN,
                revents: 0,
            },
        ];
        // SAFETY: two valid pollfds, for descriptors open in this frame.
        let n = unsafe { libc::poll(fds.as_mut_ptr(), 2, -1) };
        if n < 0 {
            if std::io::Error::last_os_error().kind() == std::io::ErrorKind::Interrupted {
                continue;
            }
            return;
        }
        if fds[1].revents != 0 {
            return;
        }
        if fds[0].revents != 0 {
            match master.read(&mut buf) {
                Ok(0) | Err(_) => return,
                Ok(n) => parser.lock().unwrap().process(&buf[..n]),
            }
        }
    }
}

impl Pty {
    pub fn spawn(data: &Path, args: &[&str], cols: u16, rows: u16) -> Pty {
        Pty::spawn_with_env(data, args, cols, rows, &[])
    }

    pub fn spawn_with_env(
        data: &Path,
        args: &[&str],
        cols: u16,
        rows: u16,
        env: &[(&str, &str)],
    ) -> Pty {
        Pty::spawn_under(&[], data, args, cols, rows, env)
    }

    /// The binary run by `wrapper` (its program and arguments, which end with the binary's
    /// own, as `sh -c '…; exec "$0" "$@"'` takes them), e.g. to limit it first.
    pub fn spawn_under(
        wrapper: &[&str],
        data: &Path,
        args: &[&str],
        cols: u16,
        rows: u16,
        env: &[(&str, &str)],
    ) -> Pty {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pty");
        let mut cmd = match wrapper.split_first() {
            Some((program, rest)) => {
                let mut cmd = CommandBuilder::new(program);
                cmd.args(rest);
                cmd.arg(super::BIN);
                cmd
            }
            None => CommandBuilder::new(super::BIN),
        };
        cmd.arg("--data-dir");
        cmd.arg(data);
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("MINUTEBOOK_DATA_DIR");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).expect("spawn");
        drop(pair.slave);
        let parser = Arc::new(Mutex::new(vt100::Parser::new(
            rows.try_into().expect("rows > 0"),
            cols.try_into().expect("cols > 0"),
            0,
        )));
        let (wake_rx, wake) = std::io::pipe().expect("a pipe");
        let screen_in = dup_master(pair.master.as_ref());
        let p = Arc::clone(&parser);
        let reader = std::thread::spawn(move || read_screen(screen_in, wake_rx, p));
        Pty {
            child,
            writer: Some(dup_master(pair.master.as_ref())),
            parser,
            reader: Some(reader),
            wake,
            master: Some(pair.master),
        }
    }

    pub fn send(&mut self, bytes: &[u8]) {
        let w = self.writer.as_mut().expect("the terminal is still open");
        w.write_all(bytes).unwrap();
        w.flush().unwrap();
    }

    /// Sends text a chunk at a time, as a fast typist or a terminal without
    /// bracketed paste would.
    pub fn type_text(&mut self, text: &str) {
        for chunk in text.as_bytes().chunks(64) {
            self.send(chunk);
        }
    }

    pub fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    /// Waits until the screen satisfies `pred`; panics with the screen if it never does.
    /// Wait for everything the next step needs in one predicate: a frame can arrive in
    /// pieces, so one text on screen says nothing of another.
    pub fn wait_for(&self, what: &str, pred: impl Fn(&str) -> bool) {
        let start = Instant::now();
        while start.elapsed() < PATIENCE {
            if pred(&self.screen()) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!(
            "timed out waiting for {what}; the screen shows:\n{}",
            self.screen()
        );
    }

    /// Starts the open meeting live with `s`, answering what is asked first: start anyway
    /// (attendance not taken or not quorate), and live (the meeting is not dated today,
    /// by the real clock, which these tests do not fix).
    pub fn start_live(&mut self) {
        const ASKED: [(&str, &[u8]); 2] = [
            ("Before the meeting starts", b"s"),
            ("Live, or written up afterwards?", b"l"),
        ];
        self.send(b"s");
        loop {
            self.wait_for("the meeting started, or a question before it", |s| {
                s.contains("in progress") || ASKED.iter().any(|(q, _)| s.contains(q))
            });
            let screen = self.screen();
            let Some((question, answer)) = ASKED.iter().find(|(q, _)| screen.contains(q)) else {
                return;
            };
            self.send(answer);
            self.wait_for("the question answered", |s| !s.contains(question));
        }
    }

    /// Starts a meeting whose attendance is not taken as written up afterwards: `s` past
    /// the warning, then `w`.
    pub fn start_written_up_unmarked(&mut self) {
        self.send(b"s");
        self.wait_text("Before the meeting starts");
        self.send(b"s");
        self.wait_text("Live, or written up afterwards?");
        self.send(b"w");
        self.wait_text("in progress · written up afterwards");
    }

    /// `E`, and yes: the minutes become a draft.
    pub fn end_meeting(&mut self) {
        self.send(b"E");
        self.wait_text("End the meeting now?");
        self.send(b"y");
        self.wait_text("minutes in draft");
    }

    /// `T` in the Agenda: when the meeting began and ended, waited on until it says so.
    pub fn set_meeting_times(&mut self, began: &str, ended: &str) {
        self.send(b"T");
        self.wait_text("When the meeting began and ended");
        self.type_text(&format!("{began}\t{ended}"));
        self.send(ENTER);
        self.wait_text(&format!("The meeting began {began} and ended {ended}."));
    }

    /// `t` on the selected item, number `n`: its start and end typed and submitted. What
    /// follows (the times said, or a refusal) is the caller's to wait for.
    pub fn enter_item_times(&mut self, n: &str, start: &str, end: &str) {
        self.send(b"t");
        self.wait_text(&format!("Times of item {n}"));
        self.type_text(&format!("{start}\t{end}"));
        self.send(ENTER);
    }

    /// As [`Pty::enter_item_times`], waited on until the times are said.
    pub fn set_item_times(&mut self, n: &str, start: &str, end: &str) {
        self.enter_item_times(n, start, end);
        self.wait_text(&format!("Item {n}: started {start}, ended {end}."));
    }

    /// At first start's "add another?": `y`, the member form's fields typed (Tab between
    /// them) and submitted, waited on until `name` is listed and the question asked again.
    pub fn add_member(&mut self, fields: &str, name: &str) {
        self.send(b"y");
        self.wait_text("CPB roster: a new member");
        self.type_text(fields);
        self.send(ENTER);
        self.wait_for(&format!("{name} listed"), |s| {
            s.contains(name) && s.contains("Add another member")
        });
    }

    pub fn wait_text(&self, text: &str) {
        self.wait_for(text, |s| s.contains(text));
    }

    /// Waits for the process to end by itself; returns its success.
    pub fn wait_exit(&mut self) -> bool {
        self.wait_status().success()
    }

    /// Waits for the process to end by itself, and for everything it drew to be read, so
    /// the screen is final.
    pub fn wait_status(&mut self) -> ExitStatus {
        let start = Instant::now();
        while start.elapsed() < PATIENCE {
            if let Some(status) = self.child.try_wait().unwrap() {
                // The terminal ends with the program: the reader stops at its EOF.
                if let Some(reader) = self.reader.take() {
                    reader.join().unwrap();
                }
                return status;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!(
            "minutebook did not exit; the screen shows:\n{}",
            self.screen()
        );
    }

    /// Closes the terminal as a window closing does: every descriptor of the master end
    /// is closed, so the program gets SIGHUP and EIO. The screen is no longer read.
    pub fn hang_up(&mut self) {
        self.wake.write_all(b"x").unwrap();
        if let Some(reader) = self.reader.take() {
            reader.join().unwrap();
        }
        self.writer = None;
        self.master = None;
    }

    /// Whether the process is still running (it has not ended, by itself or by a signal).
    pub fn running(&mut self) -> bool {
        self.child.try_wait().unwrap().is_none()
    }

    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("running")
    }

    pub fn signal(&mut self, sig: libc::c_int) {
        let pid = libc::pid_t::try_from(self.pid()).unwrap();
        // SAFETY: a plain kill(2) of our own child.
        assert_eq!(unsafe { libc::kill(pid, sig) }, 0, "signal {sig} sent");
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}

/// Waits until the file at `path` exists and its text satisfies `pred`: for what the
/// program under test writes, which the screen may show before it is on disk. Panics
/// after [`PATIENCE`].
pub fn wait_for_file(path: &Path, what: &str, pred: impl Fn(&str) -> bool) {
    let start = Instant::now();
    while start.elapsed() < PATIENCE {
        if std::fs::read_to_string(path).is_ok_and(|t| pred(&t)) {
            return;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    panic!("timed out waiting for {what} in {}", path.display());
}

pub const ALT: &[u8] = b"\x1b";
pub const ENTER: &[u8] = b"\r";
pub const TAB: &[u8] = b"\t";
pub const CTRL_Q: &[u8] = b"\x11";

pub fn alt(c: char) -> Vec<u8> {
    let mut v = ALT.to_vec();
    v.push(c as u8);
    v
}
