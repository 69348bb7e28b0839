package com.bonusdesk.web;

/**
 * Text a person can have meant and the database can keep. PostgreSQL refuses NUL in text and cannot encode a
 * lone UTF-16 surrogate; other control characters are never typed by a person and would only hide in a
 * reason or a name. Tab, line feed and carriage return are ordinary in multi-line text and stay allowed.
 */
public final class Text {

    private Text() {
    }

    public static boolean isStorable(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
