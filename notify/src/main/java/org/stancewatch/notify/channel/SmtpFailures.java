package org.stancewatch.notify.channel;

import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import javax.net.ssl.SSLException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/**
 * Sorts what went wrong with an SMTP server into failures that may pass (the server unreachable
 * or slow, a 4xx reply: "try again later") and refusals (a 5xx reply, a rejected login or
 * recipient, a certificate the server cannot prove): RFC 5321 §4.2.1 is the rule.
 */
final class SmtpFailures {
    private SmtpFailures() {}

    static DeliveryException classify(MessagingException failure, String server) {
        if (failure instanceof AuthenticationFailedException) {
            return new DeliveryException(server + " refused the login (" + reply(failure)
                    + "); check user and the password's environment variable", false, failure);
        }
        if (failure instanceof SendFailedException sendFailed && hasAddresses(sendFailed)) {
            return recipients(sendFailed, server);
        }
        List<Integer> codes = replyCodes(failure);
        if (!codes.isEmpty()) {
            boolean permanent = codes.stream().anyMatch(code -> code >= 500);
            return new DeliveryException(server + " answered " + reply(failure)
                    + (permanent ? " (a permanent refusal; retrying will not help)" : "; will try again"), !permanent, failure);
        }
        if (causedBy(failure, SSLException.class)) {
            return new DeliveryException("TLS with " + server + " failed (" + reply(failure)
                    + "); check host, port and security (none, starttls, tls)", false, failure);
        }
        if (causedBy(failure, IOException.class)) {
            return new DeliveryException("cannot reach " + server + " (" + reply(failure)
                    + "); is it running and reachable? will try again", true, failure);
        }
        return new DeliveryException(server + ": " + reply(failure)
                + " (check host, port and security: none, starttls or tls)", false, failure);
    }

    /** Some recipients refused: permanent when any refusal is (5xx, {@code invalid}), else try again. */
    private static DeliveryException recipients(SendFailedException failure, String server) {
        Address[] invalid = orEmpty(failure.getInvalidAddresses());
        Address[] unsent = orEmpty(failure.getValidUnsentAddresses());
        Address[] sent = orEmpty(failure.getValidSentAddresses());
        boolean permanent = invalid.length > 0 || replyCodes(failure).stream().anyMatch(code -> code >= 500);
        StringBuilder message = new StringBuilder(server);
        if (invalid.length > 0) {
            message.append(" rejected ").append(list(invalid));
        }
        if (unsent.length > 0) {
            message.append(invalid.length > 0 ? "; not sent to " : " did not take the message for ").append(list(unsent));
        }
        if (sent.length > 0) {
            message.append("; delivered to ").append(list(sent));
        }
        message.append(" (").append(reply(failure)).append(")")
                .append(permanent ? "; fix the address in alerts.yml" : "; will try again");
        return new DeliveryException(message.toString(), !permanent, failure);
    }

    private static boolean hasAddresses(SendFailedException failure) {
        return orEmpty(failure.getInvalidAddresses()).length + orEmpty(failure.getValidUnsentAddresses()).length > 0;
    }

    /** The SMTP reply codes anywhere in the chain of nested exceptions. */
    static List<Integer> replyCodes(MessagingException failure) {
        List<Integer> codes = new ArrayList<>();
        for (Exception next = failure; next != null; ) {
            if (next instanceof SMTPAddressFailedException address) {
                codes.add(address.getReturnCode());
            } else if (next instanceof SMTPSendFailedException send && send.getReturnCode() > 0) {
                codes.add(send.getReturnCode());
            } else if (next instanceof SMTPSenderFailedException sender) {
                codes.add(sender.getReturnCode());
            }
            next = next instanceof MessagingException messaging ? messaging.getNextException() : null;
        }
        return codes;
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private static Throwable next(Throwable cause) {
        if (cause instanceof MessagingException messaging && messaging.getNextException() != null) {
            return messaging.getNextException();
        }
        return cause.getCause() == cause ? null : cause.getCause();
    }

    private static String reply(MessagingException failure) {
        List<String> parts = new ArrayList<>();
        for (Throwable cause = failure; cause != null && parts.size() < 3; cause = next(cause)) {
            if (cause.getMessage() != null && !cause.getMessage().isBlank() && !parts.contains(cause.getMessage().strip())) {
                parts.add(cause.getMessage().strip());
            }
        }
        return parts.isEmpty() ? failure.getClass().getSimpleName() : String.join(": ", parts);
    }

    private static Address[] orEmpty(Address[] addresses) {
        return addresses == null ? new Address[0] : addresses;
    }

    private static String list(Address[] addresses) {
        return Arrays.stream(addresses).map(Address::toString).collect(Collectors.joining(", "));
    }
}
