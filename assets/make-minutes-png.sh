#!/bin/sh
# Makes assets/minutes-page-1.png, the README's picture of printed minutes: page 1 of the
# demo's approved public minutes (June 2026), exported as HTML by minutebook and printed
# to PDF by headless Chromium, as a clerk prints them. Needs chromium and poppler-utils.
# Run from anywhere: sh assets/make-minutes-png.sh
set -eu
cd "$(dirname "$0")/.."
cargo build --quiet
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mb() { target/debug/minutebook --data-dir "$tmp/data" "$@"; }
mb demo --into "$tmp/data" >/dev/null
mb export 2026-06-10 --format html --public --output "$tmp/minutes.html" >/dev/null
chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run --no-pdf-header-footer \
    --user-data-dir="$tmp/profile" --print-to-pdf="$tmp/minutes.pdf" \
    "file://$tmp/minutes.html" 2>/dev/null
pdftoppm -png -r 80 -f 1 -l 1 -singlefile "$tmp/minutes.pdf" assets/minutes-page-1
echo "Wrote assets/minutes-page-1.png ($(wc -c < assets/minutes-page-1.png) bytes)"
