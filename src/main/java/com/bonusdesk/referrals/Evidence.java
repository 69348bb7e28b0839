package com.bonusdesk.referrals;

import java.util.Arrays;
import java.util.Optional;

/**
 * An attached evidence file, accepted only as a PDF, PNG or JPEG recognised by its first bytes, whatever its
 * name or the type the browser claims, and at most {@link #MAX_BYTES} long.
 */
public record Evidence(String fileName, String contentType, byte[] content) {

    static final int MAX_BYTES = 2 * 1024 * 1024;

    private static final byte[] PDF = {'%', 'P', 'D', 'F', '-'};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};

    /** The type the content is, by its first bytes; empty for anything but a PDF, PNG or JPEG. */
    static Optional<String> typeOf(byte[] content) {
        if (startsWith(content, PDF)) {
            return Optional.of("application/pdf");
        }
        if (startsWith(content, PNG)) {
            return Optional.of("image/png");
        }
        return startsWith(content, JPEG) ? Optional.of("image/jpeg") : Optional.empty();
    }

    /** A file name safe to store and to send back: no path, at most 200 characters. */
    static String safeName(String original) {
        String name = original == null ? "" : original.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).strip();
        return name.isEmpty() ? "evidence" : name.substring(0, Math.min(200, name.length()));
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        return content.length >= magic.length && Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
    }
}
