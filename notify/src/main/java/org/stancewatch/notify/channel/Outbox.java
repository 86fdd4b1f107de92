package org.stancewatch.notify.channel;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * A folder of {@code .eml} files, one per delivery, named {@code <timestamp>-<delivery-id>.eml}
 * so they list in the order they came. Each file appears whole (written aside, then moved into
 * place); writing a delivery again replaces its file, under the name it first had.
 */
final class Outbox {
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Path folder;

    Outbox(Path folder) {
        this.folder = folder;
    }

    /** Writes the message; returns the file it is in. */
    synchronized Path write(String deliveryId, MimeMessage message, Instant now) throws DeliveryException {
        String suffix = "-" + MailComposer.safe(deliveryId) + ".eml";
        Path temporary = null;
        try {
            Files.createDirectories(folder);
            Path target = existing(suffix).orElse(folder.resolve(STAMP.format(now) + suffix));
            temporary = Files.createTempFile(folder, ".outgoing-", ".tmp");
            try (OutputStream out = Files.newOutputStream(temporary)) {
                message.writeTo(out);
            }
            move(temporary, target);
            return target;
        } catch (AccessDeniedException e) {
            throw new DeliveryException("cannot write into the outbox " + folder + " (permission denied on "
                    + e.getFile() + "); give stancewatch write access or choose another folder", false, e);
        } catch (IOException e) {
            throw new DeliveryException("cannot write into the outbox " + folder + " (" + e + "); will try again", true, e);
        } catch (MessagingException e) {
            throw new DeliveryException("cannot write the message of " + deliveryId + ": " + e.getMessage(), false, e);
        } finally {
            deleteQuietly(temporary);
        }
    }

    private Optional<Path> existing(String suffix) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*" + suffix)) {
            for (Path file : files) {
                return Optional.of(file);
            }
        }
        return Optional.empty();
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a stray temporary file starts with a dot and never looks like a message
        }
    }
}
