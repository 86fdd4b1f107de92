package org.stancewatch.notify.channel;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.imap.ImapHostManager;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.smtp.SmtpManager;
import com.icegreen.greenmail.smtp.SmtpState;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.util.Map;

/**
 * A GreenMail server that, like a real mail host, answers {@code 550} to {@code RCPT TO} for
 * recipients it has no mailbox for (every address at {@link #UNKNOWN_DOMAIN}) and {@code 450}
 * ("try again later") for mailboxes that are busy (at {@link #BUSY_DOMAIN}). GreenMail accepts
 * every recipient on its own; its recipient check ({@link SmtpManager#checkRecipient}) is the
 * hook it offers for this.
 */
final class RecipientRefusingGreenMail extends GreenMail {
    static final String UNKNOWN_DOMAIN = "nobody-here.example";
    static final String BUSY_DOMAIN = "busy-now.example";

    RecipientRefusingGreenMail(ServerSetup setup) {
        super(setup);
    }

    @Override
    protected Map<String, AbstractServer> createServices(ServerSetup[] config, Managers managers) {
        return super.createServices(config, new RefusingManagers(managers));
    }

    private static final class RefusingManagers extends Managers {
        private final Managers delegate;
        private final SmtpManager smtp;

        RefusingManagers(Managers delegate) {
            this.delegate = delegate;
            this.smtp = new SmtpManager(delegate.getImapHostManager(), delegate.getUserManager()) {
                @Override
                public String checkRecipient(SmtpState state, MailAddress address) {
                    if (address.getHost().equalsIgnoreCase(UNKNOWN_DOMAIN)) {
                        return "550 5.1.1 <" + address.getEmail() + ">: mailbox unavailable";
                    }
                    return address.getHost().equalsIgnoreCase(BUSY_DOMAIN)
                            ? "450 4.2.1 <" + address.getEmail() + ">: mailbox busy, try again later" : null;
                }
            };
        }

        @Override
        public SmtpManager getSmtpManager() {
            return smtp;
        }

        @Override
        public UserManager getUserManager() {
            return delegate.getUserManager();
        }

        @Override
        public ImapHostManager getImapHostManager() {
            return delegate.getImapHostManager();
        }
    }
}
