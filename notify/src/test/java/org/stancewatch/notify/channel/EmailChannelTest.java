package org.stancewatch.notify.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancewatch.model.SourceHealth;
import org.stancewatch.notify.NoticeFixtures;
import org.stancewatch.notify.notice.Delivery;
import org.stancewatch.notify.notice.Notice;

/** The e-mail channel against a real SMTP server in the test (GreenMail), and its outbox folder. */
class EmailChannelTest {
    private static final String FROM = "stancewatch@newsroom.example";
    private static final String TO = "desk@newsroom.example";

    private final List<GreenMail> servers = new ArrayList<>();
    private final Delivery toneAlert = Delivery.single(Notice.of(NoticeFixtures.toneAlert("russia", "missile-defense", "nytimes.com")));

    @TempDir
    Path folder;

    @AfterEach
    void stop() {
        servers.forEach(GreenMail::stop);
    }

    @Test
    void theMessageArrivesWithSubjectPlainAndHtmlPartsTheInlineChartAndTheDeliveryMessageId() throws Exception {
        GreenMail server = start(new GreenMail(ServerSetupTest.SMTP.dynamicPort()));

        new EmailChannel("desk", plain(server, List.of(TO, "analyst@newsroom.example"))).send(toneAlert);

        MimeMessage received = single(server);
        assertThat(received.getSubject()).isEqualTo("Tone toward russia on missile-defense in nytimes.com turned negative: -0.42");
        assertThat(received.getMessageID()).isEqualTo("<" + toneAlert.id() + "@stancewatch>");
        assertThat(received.getHeader("To", ",")).contains(TO, "analyst@newsroom.example");
        assertThat(received.getFrom()[0].toString()).isEqualTo(FROM);
        assertMessageParts(received);
    }

    @Test
    void aUserAndPasswordLogInAndAWrongPasswordIsARefusal() throws Exception {
        GreenMail server = start(new GreenMail(ServerSetupTest.SMTP.dynamicPort())
                .withConfiguration(GreenMailConfiguration.aConfig().withUser("alerts", "right-password")));

        new EmailChannel("desk", login(server, "alerts", "right-password")).send(toneAlert);
        assertThat(single(server).getMessageID()).isEqualTo("<" + toneAlert.id() + "@stancewatch>");

        DeliveryException refused = catchThrowableOfType(DeliveryException.class,
                () -> new EmailChannel("desk", login(server, "alerts", "wrong-password")).send(toneAlert));
        assertThat(refused.retryable()).isFalse();
        assertThat(refused).hasMessageContaining("refused the login").hasMessageContaining("535")
                .hasMessageNotContaining("wrong-password");
    }

    @Test
    void aClosedPortIsRetryableWellUnderTheTimeout() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        var settings = new EmailSettings("127.0.0.1", closedPort, SmtpSecurity.NONE, null, null, FROM, List.of(TO), null, null);
        long started = System.nanoTime();

        DeliveryException failure = catchThrowableOfType(DeliveryException.class,
                () -> new EmailChannel("desk", settings).send(toneAlert));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(failure.retryable()).isTrue();
        assertThat(failure).hasMessageContaining("cannot reach SMTP server 127.0.0.1:" + closedPort);
    }

    @Test
    void aServerThatNeverGreetsTimesOutRetryablyAfterTheConfiguredTimeout() throws IOException {
        // a listening socket nobody accepts from: the kernel completes the connection, no greeting ever comes
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            var settings = new EmailSettings("127.0.0.1", silent.getLocalPort(), SmtpSecurity.NONE, null, null, FROM,
                    List.of(TO), Duration.ofMillis(500), null);
            long started = System.nanoTime();

            DeliveryException failure = catchThrowableOfType(DeliveryException.class,
                    () -> new EmailChannel("desk", settings).send(toneAlert));

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(400), Duration.ofSeconds(5));
            assertThat(failure.retryable()).isTrue();
        }
    }

    @Test
    void aRecipientTheServerRejectsIsNotRetryableAndIsNamed() {
        GreenMail server = start(new RecipientRefusingGreenMail(ServerSetupTest.SMTP.dynamicPort()));
        String unknown = "ghost@" + RecipientRefusingGreenMail.UNKNOWN_DOMAIN;

        DeliveryException failure = catchThrowableOfType(DeliveryException.class,
                () -> new EmailChannel("desk", plain(server, List.of(unknown))).send(toneAlert));

        assertThat(failure.retryable()).isFalse();
        assertThat(failure).hasMessageContaining("rejected " + unknown).hasMessageContaining("550");
        assertThat(server.getReceivedMessages()).isEmpty();
    }

    @Test
    void aRecipientTheServerDefersWith450IsRetryable() {
        GreenMail server = start(new RecipientRefusingGreenMail(ServerSetupTest.SMTP.dynamicPort()));
        String busy = "desk@" + RecipientRefusingGreenMail.BUSY_DOMAIN;

        DeliveryException failure = catchThrowableOfType(DeliveryException.class,
                () -> new EmailChannel("desk", plain(server, List.of(busy))).send(toneAlert));

        assertThat(failure.retryable()).isTrue();
        assertThat(failure).hasMessageContaining(busy).hasMessageContaining("450").hasMessageContaining("will try again");
    }

    @Test
    void theOutboxHoldsAReadableEmlOfTheSameMessage() throws Exception {
        Path outbox = folder.resolve("outbox");

        new EmailChannel("demo", EmailSettings.outbox(outbox, FROM, List.of(TO))).send(toneAlert);

        List<Path> files = files(outbox);
        assertThat(files).singleElement().satisfies(file ->
                assertThat(file.getFileName().toString()).matches("\\d{8}T\\d{6}Z-" + toneAlert.id() + "\\.eml"));
        MimeMessage parsed;
        try (InputStream in = Files.newInputStream(files.get(0))) {
            parsed = new MimeMessage(Session.getInstance(new Properties()), in);
        }
        assertThat(parsed.getMessageID()).isEqualTo("<" + toneAlert.id() + "@stancewatch>");
        assertThat(parsed.getSubject()).startsWith("Tone toward russia");
        assertMessageParts(parsed);
    }

    @Test
    void writingTheSameDeliveryTwiceReplacesItsFileAndAnotherAddsOne() throws Exception {
        Path outbox = folder.resolve("outbox");
        EmailChannel channel = new EmailChannel("demo", EmailSettings.outbox(outbox, FROM, List.of(TO)));
        Delivery source = Delivery.single(Notice.of(NoticeFixtures.sourceStatus("bbc-world", SourceHealth.SILENT, "quiet")));

        channel.send(toneAlert);
        Path first = files(outbox).get(0);
        Thread.sleep(1100); // a later second in the name, were a new file made
        channel.send(toneAlert);
        channel.send(source);

        assertThat(files(outbox)).hasSize(2).contains(first);
        assertThat(files(outbox)).noneMatch(file -> file.getFileName().toString().endsWith(".tmp"));
    }

    @Test
    void settingsNeedHostOrOutboxAPasswordWithAUserAndRealAddresses() {
        assertThatThrownBy(() -> new EmailSettings("smtp.example.org", null, null, null, null, FROM, List.of(TO), null,
                Path.of("outbox"))).hasMessageContaining("either host").hasMessageContaining("outbox");
        assertThatThrownBy(() -> new EmailSettings("smtp.example.org", null, null, "alerts", null, FROM, List.of(TO), null,
                null)).hasMessageContaining("user alerts has no password");
        assertThatThrownBy(() -> EmailSettings.smtp("smtp.example.org", FROM, List.of("not an address")))
                .hasMessageContaining("to: 'not an address' is not an e-mail address");
        assertThatThrownBy(() -> EmailSettings.smtp("smtp.example.org", FROM, List.of()))
                .hasMessageContaining("at least one recipient");
    }

    @Test
    void settingsDefaultToStarttlsOnPort587ThirtySecondsAndAStancewatchSender() {
        EmailSettings settings = EmailSettings.smtp("smtp.example.org", null, List.of(TO));

        assertThat(settings.security()).isEqualTo(SmtpSecurity.STARTTLS);
        assertThat(settings.port()).isEqualTo(587);
        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.from()).isEqualTo("stancewatch@localhost");
        assertThat(new EmailSettings("h", null, SmtpSecurity.TLS, "u", "pw", null, List.of(TO), null, null))
                .satisfies(tls -> assertThat(tls.port()).isEqualTo(465))
                .satisfies(tls -> assertThat(tls.toString()).doesNotContain("pw"));
    }

    /** multipart/alternative: text/plain, then multipart/related of the HTML and the chart it shows by cid. */
    private static void assertMessageParts(MimeMessage message) throws Exception {
        assertThat(message.getContentType()).startsWith("multipart/alternative");
        Multipart alternative = (Multipart) message.getContent();
        assertThat(alternative.getCount()).isEqualTo(2);
        BodyPart plain = alternative.getBodyPart(0);
        assertThat(plain.getContentType()).startsWith("text/plain");
        assertThat(((String) plain.getContent()).replace("\r\n", "\n")).contains("Evidence:\n- nytimes.com, 2011-03-02, -0.71");
        Multipart related = (Multipart) alternative.getBodyPart(1).getContent();
        assertThat(alternative.getBodyPart(1).getContentType()).startsWith("multipart/related");
        BodyPart html = related.getBodyPart(0);
        assertThat(html.getContentType()).startsWith("text/html");
        assertThat((String) html.getContent()).contains("src=\"cid:chart-1@stancewatch\"")
                .contains("href=\"https://www.nytimes.com/2011/03/02/world/europe/shield.html\"");
        BodyPart chart = related.getBodyPart(1);
        assertThat(chart.getContentType()).startsWith("image/png");
        assertThat(chart.getDisposition()).isEqualTo(Part.INLINE);
        assertThat(((jakarta.mail.internet.MimeBodyPart) chart).getContentID()).isEqualTo("<chart-1@stancewatch>");
        try (InputStream png = chart.getInputStream()) {
            assertThat(png.readNBytes(4)).containsExactly(0x89, 'P', 'N', 'G');
        }
    }

    private GreenMail start(GreenMail server) {
        server.start();
        servers.add(server);
        return server;
    }

    private static EmailSettings plain(GreenMail server, List<String> to) {
        return new EmailSettings("127.0.0.1", server.getSmtp().getPort(), SmtpSecurity.NONE, null, null, FROM, to,
                Duration.ofSeconds(10), null);
    }

    private static EmailSettings login(GreenMail server, String user, String password) {
        return new EmailSettings("127.0.0.1", server.getSmtp().getPort(), SmtpSecurity.NONE, user, password, FROM,
                List.of(TO), Duration.ofSeconds(10), null);
    }

    private static MimeMessage single(GreenMail server) {
        assertThat(server.waitForIncomingEmail(5000, 1)).isTrue();
        // GreenMail stores one copy per recipient; they are the same message
        return server.getReceivedMessages()[0];
    }

    private static List<Path> files(Path outbox) throws IOException {
        try (Stream<Path> files = Files.list(outbox)) {
            return files.sorted().toList();
        }
    }
}
