package com.bonusdesk.web;

import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.multipart.MultipartFile;

/**
 * An attached evidence file (a referral's, a dispute's), accepted only as a PDF, PNG or JPEG recognised by its first bytes, whatever its
 * name or the type the browser claims, and at most {@link #MAX_BYTES} long.
 */
public record Evidence(String fileName, String contentType, byte[] content) {

    public static final int MAX_BYTES = 2 * 1024 * 1024;

    private static final byte[] PDF = {'%', 'P', 'D', 'F', '-'};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};

    /**
     * The uploaded file as evidence: none when no file was chosen; otherwise the file, or why it is refused (the
     * message key {@code evidenceFile.size} or {@code evidenceFile.type}).
     */
    public static Upload read(MultipartFile file) throws IOException {
        if (file == null || file.isEmpty()) {
            return new Upload(null, null);
        }
        if (file.getSize() > MAX_BYTES) {
            return new Upload(null, "evidenceFile.size");
        }
        byte[] content = file.getBytes();
        return typeOf(content).map(type -> new Upload(new Evidence(safeName(file.getOriginalFilename()), type, content),
                null)).orElseGet(() -> new Upload(null, "evidenceFile.type"));
    }

    /** An uploaded file read as evidence: the evidence (none when no file was chosen), or why it is refused. */
    public record Upload(Evidence evidence, String problem) {

        public boolean refused() {
            return problem != null;
        }
    }

    /** The type the content is, by its first bytes; empty for anything but a PDF, PNG or JPEG. */
    private static Optional<String> typeOf(byte[] content) {
        if (startsWith(content, PDF)) {
            return Optional.of("application/pdf");
        }
        if (startsWith(content, PNG)) {
            return Optional.of("image/png");
        }
        return startsWith(content, JPEG) ? Optional.of("image/jpeg") : Optional.empty();
    }

    /**
     * The file as a download, never shown inline, under a name of {@code stem} and the extension of the type its
     * content is: never the uploader's name, whose extension may lie ({@code ev.html} holding a PDF) or hide behind
     * a right-to-left override.
     */
    public ResponseEntity<byte[]> asDownload(String stem) {
        String extension = switch (contentType) {
            case "application/pdf" -> ".pdf";
            case "image/png" -> ".png";
            default -> ".jpg";
        };
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(contentType))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(stem + extension).build().toString())
                .body(content);
    }

    /**
     * A file name safe to store and to show: no path, no control or formatting characters (a right-to-left override
     * would make {@code invoice\u202Efdp.exe} read as a PDF), at most 200 characters.
     */
    private static String safeName(String original) {
        String name = original == null ? "" : original.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).codePoints()
                .filter(c -> Character.getType(c) != Character.CONTROL && Character.getType(c) != Character.FORMAT)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        return name.isEmpty() ? "evidence" : name.substring(0, Math.min(200, name.length()));
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        return content.length >= magic.length && Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
    }
}
