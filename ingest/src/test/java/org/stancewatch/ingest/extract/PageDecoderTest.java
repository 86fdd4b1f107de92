package org.stancewatch.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PageDecoderTest {
    private static final String TEXT = "<html><body>Gorbatschow, Détente, Zürich</body></html>";

    @Test
    void aByteOrderMarkWinsOverEverything() {
        byte[] utf8 = TEXT.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[utf8.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(utf8, 0, withBom, 3, utf8.length);

        assertThat(PageDecoder.decode(withBom, "text/html; charset=windows-1251").text()).isEqualTo(TEXT);
    }

    @Test
    void theHeaderCharsetIsUsed() {
        byte[] latin1 = TEXT.getBytes(StandardCharsets.ISO_8859_1);

        assertThat(PageDecoder.decode(latin1, "text/html; charset=ISO-8859-1").text()).isEqualTo(TEXT);
    }

    @Test
    void aMetaCharsetIsUsedWhenTheHeaderSaysNothing() {
        Charset cp1251 = Charset.forName("windows-1251");
        String russian = "<html><head><meta charset=\"windows-1251\"></head><body>Перезагрузка</body></html>";

        assertThat(PageDecoder.decode(russian.getBytes(cp1251), "text/html").text()).contains("Перезагрузка");
    }

    @Test
    void aLatin1DeclarationOnUtf8BytesIsCorrected() {
        assertThat(PageDecoder.decode(TEXT.getBytes(StandardCharsets.UTF_8), "text/html; charset=iso-8859-1").text())
                .isEqualTo(TEXT);
    }

    @Test
    void aUtf8DeclarationOnLatin1BytesIsReadAsWindows1252() {
        assertThat(PageDecoder.decode(TEXT.getBytes(StandardCharsets.ISO_8859_1), "text/html; charset=utf-8").text())
                .isEqualTo(TEXT);
    }
}
