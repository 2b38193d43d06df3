//! WordprocessingML in its schema's order.
//!
//! ECMA-376 defines paragraph, run, style, table and section properties as sequences: their
//! children must come in a fixed order. docx-rs writes some of them out of it (`w:rPr`
//! before `w:pStyle`, `w:sz` before `w:b`, `w:tblStyle` last, the header references after
//! the page size); LibreOffice does not mind, but Word silently drops what it meets out of
//! order (a heading's bold, say) and validators refuse the file. This pass puts the children
//! of those elements in schema order, keeping everything else exactly as written.
//!
//! It reads the XML docx-rs writes: tags, attributes and escaped text, no comments or CDATA.

/// The schema's sequence for the children of `parent`, or None where order is free.
fn sequence(parent: &str) -> Option<&'static [&'static str]> {
    Some(match parent {
        "w:pPr" => &[
            "w:pStyle",
            "w:keepNext",
            "w:keepLines",
            "w:pageBreakBefore",
            "w:framePr",
            "w:widowControl",
            "w:numPr",
            "w:suppressLineNumbers",
            "w:pBdr",
            "w:shd",
            "w:tabs",
            "w:suppressAutoHyphens",
            "w:kinsoku",
            "w:wordWrap",
            "w:overflowPunct",
            "w:topLinePunct",
            "w:autoSpaceDE",
            "w:autoSpaceDN",
            "w:bidi",
            "w:adjustRightInd",
            "w:snapToGrid",
            "w:spacing",
            "w:ind",
            "w:contextualSpacing",
            "w:mirrorIndents",
            "w:suppressOverlap",
            "w:jc",
            "w:textDirection",
            "w:textAlignment",
            "w:textboxTightWrap",
            "w:outlineLvl",
            "w:divId",
            "w:cnfStyle",
            "w:rPr",
            "w:sectPr",
            "w:pPrChange",
        ],
        "w:rPr" => &[
            "w:ins",
            "w:del",
            "w:moveFrom",
            "w:moveTo",
            "w:rStyle",
            "w:rFonts",
            "w:b",
            "w:bCs",
            "w:i",
            "w:iCs",
            "w:caps",
            "w:smallCaps",
            "w:strike",
            "w:dstrike",
            "w:outline",
            "w:shadow",
            "w:emboss",
            "w:imprint",
            "w:noProof",
            "w:snapToGrid",
            "w:vanish",
            "w:webHidden",
            "w:color",
            "w:spacing",
            "w:w",
            "w:kern",
            "w:position",
            "w:sz",
            "w:szCs",
            "w:highlight",
            "w:u",
            "w:effect",
            "w:bdr",
            "w:shd",
            "w:fitText",
            "w:vertAlign",
            "w:rtl",
            "w:cs",
            "w:em",
            "w:lang",
            "w:eastAsianLayout",
            "w:specVanish",
            "w:oMath",
            "w:rPrChange",
        ],
        "w:style" => &[
            "w:name",
            "w:aliases",
            "w:basedOn",
            "w:next",
            "w:link",
            "w:autoRedefine",
            "w:hidden",
            "w:uiPriority",
            "w:semiHidden",
            "w:unhideWhenUsed",
            "w:qFormat",
            "w:locked",
            "w:personal",
            "w:personalCompose",
            "w:personalReply",
            "w:rsid",
            "w:pPr",
            "w:rPr",
            "w:tblPr",
            "w:trPr",
            "w:tcPr",
            "w:tblStylePr",
        ],
        "w:tblPr" => &[
            "w:tblStyle",
            "w:tblpPr",
            "w:tblOverlap",
            "w:bidiVisual",
            "w:tblStyleRowBandSize",
            "w:tblStyleColBandSize",
            "w:tblW",
            "w:jc",
            "w:tblCellSpacing",
            "w:tblInd",
            "w:tblBorders",
            "w:shd",
            "w:tblLayout",
            "w:tblCellMar",
            "w:tblLook",
            "w:tblCaption",
            "w:tblDescription",
            "w:tblPrChange",
        ],
        "w:tcPr" => &[
            "w:cnfStyle",
            "w:tcW",
            "w:gridSpan",
            "w:hMerge",
            "w:vMerge",
            "w:tcBorders",
            "w:shd",
            "w:noWrap",
            "w:tcMar",
            "w:textDirection",
            "w:tcFitText",
            "w:vAlign",
            "w:hideMark",
        ],
        "w:tblBorders" | "w:tcBorders" => &[
            "w:top",
            "w:left",
            "w:start",
            "w:bottom",
            "w:right",
            "w:end",
            "w:insideH",
            "w:insideV",
            "w:tl2br",
            "w:tr2bl",
        ],
        // Header and footer references are a choice among themselves, before the rest.
        "w:sectPr" => &[
            "w:headerReference|w:footerReference",
            "w:footnotePr",
            "w:endnotePr",
            "w:type",
            "w:pgSz",
            "w:pgMar",
            "w:paperSrc",
            "w:pgBorders",
            "w:lnNumType",
            "w:pgNumType",
            "w:cols",
            "w:formProt",
            "w:vAlign",
            "w:noEndnote",
            "w:titlePg",
            "w:textDirection",
            "w:bidi",
            "w:rtlGutter",
            "w:docGrid",
            "w:printerSettings",
            "w:sectPrChange",
        ],
        _ => return None,
    })
}

/// Where `child` stands in `order` (a name the schema does not list goes last, in place).
fn rank(order: &[&str], child: &str) -> usize {
    order
        .iter()
        .position(|o| o.split('|').any(|n| n == child))
        .unwrap_or(order.len())
}

/// One element as written: its name, and its whole text from `<` to its end.
struct Node<'a> {
    name: &'a str,
    text: String,
}

/// `xml` with the children of every sequenced element in schema order.
pub fn in_schema_order(xml: &[u8]) -> Vec<u8> {
    let Ok(text) = std::str::from_utf8(xml) else {
        return xml.to_vec();
    };
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while !rest.is_empty() {
        match rest.find('<') {
            Some(0) => {
                let (node, after) = element(rest);
                out.push_str(&node.text);
                rest = after;
            }
            Some(at) => {
                out.push_str(&rest[..at]);
                rest = &rest[at..];
            }
            None => {
                out.push_str(rest);
                rest = "";
            }
        }
    }
    out.into_bytes()
}

/// The name of the tag that starts `tag` ("<w:pPr>" → "w:pPr").
fn tag_name(tag: &str) -> &str {
    let inner = tag.trim_start_matches(['<', '/', '?', '!']);
    let end = inner
        .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
        .unwrap_or(inner.len());
    &inner[..end]
}

/// The element (or text, declaration, closing tag) at the start of `xml`, with its
/// children put in order, and what follows it.
fn element(xml: &str) -> (Node<'_>, &str) {
    let close = xml.find('>').map_or(xml.len(), |i| i + 1);
    let open = &xml[..close];
    let name = tag_name(open);
    let leaf = open.ends_with("/>") || open.starts_with("<?") || open.starts_with("</");
    if leaf {
        let node = Node {
            name,
            text: open.to_string(),
        };
        return (node, &xml[close..]);
    }
    let mut children: Vec<Node> = Vec::new();
    let mut rest = &xml[close..];
    let end_tag = format!("</{name}>");
    while !rest.is_empty() && !rest.starts_with(&end_tag) {
        match rest.find('<') {
            Some(0) => {
                let (child, after) = element(rest);
                children.push(child);
                rest = after;
            }
            // Text between tags (a run's words): kept where it is.
            found => {
                let at = found.unwrap_or(rest.len());
                children.push(Node {
                    name: "",
                    text: rest[..at].to_string(),
                });
                rest = &rest[at..];
            }
        }
    }
    if let Some(order) = sequence(name)
        && children.iter().all(|c| !c.name.is_empty())
    {
        children.sort_by_key(|c| rank(order, c.name));
    }
    let mut text = open.to_string();
    for c in &children {
        text.push_str(&c.text);
    }
    rest = rest.strip_prefix(end_tag.as_str()).unwrap_or(rest);
    text.push_str(&end_tag);
    (Node { name, text }, rest)
}

/// The children of each sequenced element in `xml` that stand out of schema order, as
/// "parent: child after later": empty where the part is in order. The tests' check.
#[cfg(test)]
pub fn out_of_order(xml: &str) -> Vec<String> {
    let mut faults = Vec::new();
    let mut stack: Vec<(&str, usize)> = Vec::new();
    let mut rest = xml;
    while let Some(at) = rest.find('<') {
        rest = &rest[at..];
        let close = rest.find('>').map_or(rest.len(), |i| i + 1);
        let tag = &rest[..close];
        rest = &rest[close..];
        let name = tag_name(tag);
        if tag.starts_with("<?") {
            continue;
        }
        if tag.starts_with("</") {
            stack.pop();
            continue;
        }
        if let Some((parent, last)) = stack.last_mut()
            && let Some(order) = sequence(parent)
        {
            let r = rank(order, name);
            if r < *last {
                faults.push(format!("{parent}: {name} after a later sibling"));
            }
            *last = r;
        }
        if !tag.ends_with("/>") {
            stack.push((name, 0));
        }
    }
    faults
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraph_and_run_properties_come_out_in_schema_order_and_words_are_kept() {
        let xml = r#"<?xml version="1.0"?><w:p><w:pPr><w:rPr /><w:pStyle w:val="Title" /></w:pPr><w:r><w:rPr><w:sz w:val="26" /><w:b /></w:rPr><w:t xml:space="preserve">A &amp; B</w:t></w:r></w:p>"#;
        let fixed = String::from_utf8(in_schema_order(xml.as_bytes())).unwrap();
        assert_eq!(
            fixed,
            r#"<?xml version="1.0"?><w:p><w:pPr><w:pStyle w:val="Title" /><w:rPr /></w:pPr><w:r><w:rPr><w:b /><w:sz w:val="26" /></w:rPr><w:t xml:space="preserve">A &amp; B</w:t></w:r></w:p>"#
        );
        assert!(out_of_order(&fixed).is_empty());
        assert_eq!(out_of_order(xml).len(), 2, "{:?}", out_of_order(xml));
    }
}
