//! How a level written as its number and its name together splits.

use super::numbered_name;

#[test]
fn a_level_written_with_its_name_gives_both() {
    for (text, level, name) in [
        ("3 - Advanced", 3, "Advanced"),
        (" Level 3: Advanced ", 3, "Advanced"),
        ("L3 Advanced", 3, "Advanced"),
        ("3.0 Advanced", 3, "Advanced"),
        ("lvl-2 \u{2013} Proficient", 2, "Proficient"),
        ("Advanced (3)", 3, "Advanced"),
        ("Advanced - Level 3", 3, "Advanced"),
        ("Lead [L4]", 4, "Lead"),
        ("5. Ustad", 5, "Ustad"),
        ("0 - None", 0, "None"),
        ("3 - Works with guidance", 3, "Works with guidance"),
        ("5 - Expert (SFIA 6)", 5, "Expert (SFIA 6)"),
        ("3 (Advanced)", 3, "Advanced"),
        ("Level 3 [Advanced] ", 3, "Advanced"),
        ("3 - Advanced (Senior)", 3, "Advanced (Senior)"),
        ("L2 (Works (mostly) alone)", 2, "Works (mostly) alone"),
        // The name in the bracket opened after the number, exactly.
        ("3 ((Senior))", 3, "(Senior)"),
        ("3 ( (Senior) )", 3, "(Senior)"),
        ("2 (- Works alone)", 2, "- Works alone"),
        ("2 [(Senior]", 2, "(Senior"),
        ("4 ([x] Leads)", 4, "[x] Leads"),
        ("3 - (Senior", 3, "Senior"),
        ("5. Ustad)", 5, "Ustad)"),
        // A name with no letter, in brackets only.
        ("3 (3.25)", 3, "3.25"),
        ("3 (4)", 3, "4"),
        ("Level 2 [1/2]", 2, "1/2"),
        ("1 (-)", 1, "-"),
        ("4 ( *** )", 4, "***"),
    ] {
        assert_eq!(numbered_name(text), Some((level, name)), "{text}");
    }
    for text in [
        "Advanced",
        "3",
        "Level 3",
        "Level  3",
        "Levels 3",
        "6 - Master",
        "3 - 4",
        "Level III - Advanced",
        "3 -",
        "- Advanced",
        "",
        "3 - 3.25",
        "3 ()",
        "3 ( )",
        "6 (3.25)",
    ] {
        assert_eq!(numbered_name(text), None, "{text}");
    }
    let long = format!("3 - {}", "a".repeat(200));
    assert_eq!(numbered_name(&long), None);
}
