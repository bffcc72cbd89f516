package ru.esiaedu.registry.imports;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The text of a file as Russian-locale Excel and school systems save it: UTF-8 with or without a byte order mark,
 * UTF-16 with one («Текст Юникод»), otherwise Windows-1251. A file that decodes as strict UTF-8 is UTF-8 (Cyrillic in
 * Windows-1251 practically never forms valid UTF-8 sequences); anything else is read as Windows-1251, which maps every
 * byte.
 */
final class TextDecoding {

    static final Charset WINDOWS_1251 = Charset.forName("windows-1251");

    record Decoded(String text, Charset charset) {
    }

    private TextDecoding() {
    }

    static Decoded decode(byte[] content) {
        if (startsWith(content, 0xEF, 0xBB, 0xBF)) {
            return new Decoded(new String(content, 3, content.length - 3, StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        }
        if (startsWith(content, 0xFF, 0xFE)) {
            return new Decoded(new String(content, 2, content.length - 2, StandardCharsets.UTF_16LE),
                    StandardCharsets.UTF_16LE);
        }
        if (startsWith(content, 0xFE, 0xFF)) {
            return new Decoded(new String(content, 2, content.length - 2, StandardCharsets.UTF_16BE),
                    StandardCharsets.UTF_16BE);
        }
        try {
            CharBuffer text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content));
            return new Decoded(text.toString(), StandardCharsets.UTF_8);
        } catch (CharacterCodingException notUtf8) {
            return new Decoded(new String(content, WINDOWS_1251), WINDOWS_1251);
        }
    }

    private static boolean startsWith(byte[] content, int... prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((content[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
