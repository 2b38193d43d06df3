//! The in-app clipboard, and the OSC 52 sequence that puts a copy on the
//! terminal's clipboard too. The editor does no I/O: the app writes the sequence.

/// What Ctrl-C / Ctrl-X last copied, plus the OSC 52 sequence waiting for the app.
#[derive(Debug, Default)]
pub(crate) struct Clipboard {
    pub text: String,
    pub osc52: Option<String>,
}

impl Clipboard {
    pub fn copy(&mut self, text: String) {
        self.osc52 = Some(osc52(&text));
        self.text = text;
    }
}

/// The OSC 52 escape sequence that asks the terminal to put `text` on the
/// system clipboard (`ESC ] 52 ; c ; base64 BEL`).
pub fn osc52(text: &str) -> String {
    let mut out = String::with_capacity(8 + text.len().div_ceil(3) * 4);
    out.push_str("\x1b]52;c;");
    base64_into(text.as_bytes(), &mut out);
    out.push('\x07');
    out
}

/// Standard base64 with padding; a dozen lines spare a dependency.
fn base64_into(bytes: &[u8], out: &mut String) {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i)) as usize & 63] as char);
            } else {
                out.push('=');
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn osc52_carries_base64_of_the_utf8_text() {
        assert_eq!(osc52(""), "\x1b]52;c;\x07");
        assert_eq!(osc52("f"), "\x1b]52;c;Zg==\x07");
        assert_eq!(osc52("fo"), "\x1b]52;c;Zm8=\x07");
        assert_eq!(osc52("foo"), "\x1b]52;c;Zm9v\x07");
        assert_eq!(
            osc52("Motion carried ✓"),
            "\x1b]52;c;TW90aW9uIGNhcnJpZWQg4pyT\x07"
        );
    }
}
