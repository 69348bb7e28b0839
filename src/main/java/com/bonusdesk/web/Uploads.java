package com.bonusdesk.web;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.springframework.web.multipart.MultipartFile;

/** Uploaded files as text. */
public final class Uploads {

    private Uploads() {
    }

    /** The file as UTF-8 text; empty when it is not valid UTF-8 (a spreadsheet saved as GBK, say). */
    public static Optional<String> utf8(MultipartFile file) throws IOException {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(file.getBytes()))
                    .toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
