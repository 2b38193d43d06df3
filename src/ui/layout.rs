//! Where each part of the workspace goes on a terminal of a given size: drawing and the
//! mouse both ask here, so a click lands on what was drawn and drawing changes nothing.

use ratatui::layout::{Constraint, Layout, Position, Rect};

use crate::keymap::Tab;

/// Below this the workspace asks for a bigger window instead of drawing nonsense.
pub const MIN_WIDTH: u16 = 20;
pub const MIN_HEIGHT: u16 = 5;

/// Below this width the tab bar uses short names, so all six fit in 80 columns.
const SHORT_TABS_BELOW: u16 = 90;

/// Each tab's title is followed by this divider (the last one too, closing the bar).
pub const TAB_DIVIDER: &str = "│";

/// The rows of the workspace, top to bottom.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Screen {
    pub tabs: Rect,
    /// Empty unless a meeting opened from the archive is being read.
    pub banner: Rect,
    pub body: Rect,
    pub status: Rect,
    pub hint: Rect,
}

/// The workspace's rows in `area`, or `None` when the window is too small to use.
pub fn screen(area: Rect, banner: bool) -> Option<Screen> {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return None;
    }
    let [tabs, banner, body, status, hint] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(u16::from(banner)),
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    Some(Screen {
        tabs,
        banner,
        body,
        status,
        hint,
    })
}

/// The title of each tab on a bar `width` wide, in order, with its padding.
pub fn tab_titles(width: u16) -> impl Iterator<Item = String> {
    Tab::ALL.into_iter().map(move |tab| {
        let title = match tab {
            Tab::Standing if width < SHORT_TABS_BELOW => "Standing",
            t => t.title(),
        };
        format!(" {} {title} ", tab.index() + 1)
    })
}

/// The columns each tab's title takes on a bar `width` wide (its divider excluded), as
/// ratatui's `Tabs` lays them out with no padding of its own and `TAB_DIVIDER` after each.
pub fn tab_spans(width: u16) -> impl Iterator<Item = (Tab, std::ops::Range<u16>)> {
    let divider = unicode_width::UnicodeWidthStr::width(TAB_DIVIDER) as u16;
    let mut start = 0u16;
    Tab::ALL
        .into_iter()
        .zip(tab_titles(width))
        .map(move |(tab, title)| {
            let w = unicode_width::UnicodeWidthStr::width(title.as_str()) as u16;
            let span = start..start.saturating_add(w).min(width);
            start = start.saturating_add(w + divider);
            (tab, span)
        })
}

/// The tab under column `x` of a tab bar `width` wide (for mouse clicks).
pub fn tab_at(x: u16, width: u16) -> Option<Tab> {
    tab_spans(width)
        .find(|(_, span)| span.contains(&x))
        .map(|(tab, _)| tab)
}

/// The tab under `pos` on a terminal of `area`, if a tab is drawn there.
pub fn tab_under(area: Rect, banner: bool, pos: Position) -> Option<Tab> {
    let tabs = screen(area, banner)?.tabs;
    if !tabs.contains(pos) {
        return None;
    }
    tab_at(pos.x - tabs.x, tabs.width)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_tab_can_be_clicked_at_80_columns_and_the_spans_do_not_overlap() {
        let area = Rect::new(0, 0, 80, 24);
        let mut last_end = 0;
        for (tab, span) in tab_spans(80) {
            assert!(span.start >= last_end && span.end <= 80, "{tab:?} {span:?}");
            assert_eq!(
                tab_under(area, false, Position::new(span.start, 0)),
                Some(tab)
            );
            assert_eq!(
                tab_under(area, false, Position::new(span.end - 1, 0)),
                Some(tab)
            );
            // The divider after a tab belongs to no tab.
            assert_eq!(tab_under(area, false, Position::new(span.end, 0)), None);
            last_end = span.end;
        }
    }

    #[test]
    fn a_click_below_the_tab_bar_or_in_a_too_small_window_is_no_tab() {
        assert_eq!(
            tab_under(Rect::new(0, 0, 80, 24), false, Position::new(2, 1)),
            None
        );
        assert_eq!(
            tab_under(Rect::new(0, 0, 19, 24), false, Position::new(2, 0)),
            None
        );
    }
}
