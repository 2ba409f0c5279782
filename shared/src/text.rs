//! Text offsets: the webview counts UTF-16 code units, the documents count code points.
//!
//! Convert once, at the IPC boundary, with these functions.

/// Converts a UTF-16 offset into `s` to a code-point offset; `None` if it is past the end or
/// splits a surrogate pair.
pub fn utf16_to_chars(s: &str, utf16: usize) -> Option<usize> {
    let mut units = 0;
    for (i, c) in s.chars().enumerate() {
        if units == utf16 {
            return Some(i);
        }
        units += c.len_utf16();
        if units > utf16 {
            return None;
        }
    }
    (units == utf16).then(|| s.chars().count())
}

/// Converts a code-point offset into `s` to a UTF-16 offset; `None` if it is past the end.
pub fn chars_to_utf16(s: &str, chars: usize) -> Option<usize> {
    let mut units = 0;
    let mut iter = s.chars();
    for _ in 0..chars {
        units += iter.next()?.len_utf16();
    }
    Some(units)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_with_astral_characters() {
        let s = "я😀ты";
        assert_eq!(utf16_to_chars(s, 0), Some(0));
        assert_eq!(utf16_to_chars(s, 1), Some(1));
        assert_eq!(utf16_to_chars(s, 2), None, "inside the surrogate pair");
        assert_eq!(utf16_to_chars(s, 3), Some(2));
        assert_eq!(utf16_to_chars(s, 5), Some(4));
        assert_eq!(utf16_to_chars(s, 6), None);
        assert_eq!(chars_to_utf16(s, 2), Some(3));
        assert_eq!(chars_to_utf16(s, 4), Some(5));
        assert_eq!(chars_to_utf16(s, 5), None);
    }
}
