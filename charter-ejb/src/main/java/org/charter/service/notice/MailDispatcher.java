package org.charter.service.notice;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.charter.service.franchise.ActiveFranchises;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Sends the mails that are due: claims a batch (a lease), hands it to the SMTP server over one connection, records
 * each answer, and goes on until nothing due is left. Any number of dispatchers, on one instance or many, can run
 * at once: a claim skips what another holds, and a lease that ran out (its dispatcher died) is claimed again.
 *
 * <p>Exactly once, and where it stops: an occurrence has one notice and one delivery row, and a delivery is marked
 * sent in the transaction that records the server's answer. A dispatcher that dies after the server accepted a
 * mail but before that record leaves the mail to be sent again when its lease runs out, under the same Message-ID,
 * which lets mail systems drop the second copy. That window is the time between the server's answer and the
 * record's commit, a few milliseconds per batch.
 */
@ApplicationScoped
public class MailDispatcher {

    private static final Logger LOG = Logger.getLogger(MailDispatcher.class.getName());

    /** What one round did. */
    public record Round(int claimed, int sent, int refused) {

        static final Round NONE = new Round(0, 0, 0);

        Round plus(Round other) {
            return new Round(claimed + other.claimed, sent + other.sent, refused + other.refused);
        }
    }

    @Inject
    Deliveries deliveries;

    @Inject
    ActiveFranchises franchises;

    @Inject
    Mailer mailer;

    @Resource
    ManagedExecutorService executor;

    /** Every active franchise in turn; {@code clock} says what time it is before each claim. */
    public Round dispatch(Supplier<OffsetDateTime> clock) {
        if (!mailer.configured()) {
            return Round.NONE;
        }
        Round total = Round.NONE;
        for (String franchise : franchises.ids()) {
            try {
                total = total.plus(dispatch(franchise, clock));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Mail of franchise " + franchise + " not dispatched this round", e);
            }
        }
        return total;
    }

    /** One franchise's due mails, batch after batch, until a claim comes back short. */
    public Round dispatch(String franchiseId, Supplier<OffsetDateTime> clock) {
        if (!mailer.configured()) {
            return Round.NONE;
        }
        int batch = setting("charter.mail.batch", 200);
        Round total = Round.NONE;
        while (true) {
            Deliveries.Claim claim =
                    deliveries.claim(franchiseId, clock.get(), batch, setting("charter.mail.lease-seconds", 300));
            if (claim.mails().isEmpty()) {
                return total;
            }
            List<Deliveries.Outcome> outcomes = send(claim.mails());
            deliveries.record(franchiseId, clock.get(), claim.token(), outcomes, retryPolicy());
            int sent = (int) outcomes.stream().filter(Deliveries.Outcome::sent).count();
            total = total.plus(new Round(claim.mails().size(), sent, outcomes.size() - sent));
            if (claim.mails().size() < batch) {
                return total;
            }
        }
    }

    /**
     * Sends a claimed batch over up to {@code charter.mail.connections} connections at once (an SMTP exchange is a
     * few round trips per mail, so one connection leaves the machine idle); a mail that fails does not stop the
     * others. The outcomes come back in the batch's order.
     */
    List<Deliveries.Outcome> send(List<Mailer.Outgoing> mails) {
        int connections = Math.max(1, Math.min(setting("charter.mail.connections", 4), mails.size()));
        if (connections == 1) {
            return sendOverOneConnection(mails);
        }
        int size = (mails.size() + connections - 1) / connections;
        List<Future<List<Deliveries.Outcome>>> parts = new ArrayList<>();
        for (int from = 0; from < mails.size(); from += size) {
            List<Mailer.Outgoing> part = mails.subList(from, Math.min(mails.size(), from + size));
            parts.add(executor.submit(() -> sendOverOneConnection(part)));
        }
        List<Deliveries.Outcome> outcomes = new ArrayList<>(mails.size());
        for (int i = 0; i < parts.size(); i++) {
            try {
                outcomes.addAll(parts.get(i).get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while sending", e);
            } catch (ExecutionException e) {
                // a part that broke down as a whole: its mails count as refused and are tried again
                String answer = answer(e.getCause() instanceof Exception cause ? cause : e);
                for (Mailer.Outgoing mail : mails.subList(i * size, Math.min(mails.size(), (i + 1) * size))) {
                    outcomes.add(new Deliveries.Outcome(mail.noticeId(), false, answer));
                }
            }
        }
        return outcomes;
    }

    private List<Deliveries.Outcome> sendOverOneConnection(List<Mailer.Outgoing> mails) {
        List<Deliveries.Outcome> outcomes = new ArrayList<>(mails.size());
        Mailer.Outbox outbox;
        try {
            outbox = mailer.open();
        } catch (MessagingException | RuntimeException e) {
            String answer = answer(e);
            LOG.log(Level.WARNING, "The mail server could not be reached: {0}", answer);
            for (Mailer.Outgoing mail : mails) {
                outcomes.add(new Deliveries.Outcome(mail.noticeId(), false, answer));
            }
            return outcomes;
        }
        try (outbox) {
            for (Mailer.Outgoing mail : mails) {
                try {
                    outcomes.add(new Deliveries.Outcome(mail.noticeId(), true, outbox.send(mail)));
                } catch (MessagingException | RuntimeException e) {
                    outcomes.add(new Deliveries.Outcome(mail.noticeId(), false, answer(e)));
                }
            }
        }
        return outcomes;
    }

    static Deliveries.RetryPolicy retryPolicy() {
        return new Deliveries.RetryPolicy(
                setting("charter.mail.max-attempts", 6),
                setting("charter.mail.retry-base-seconds", 60),
                setting("charter.mail.retry-cap-seconds", 3600));
    }

    /** The server's words when it gave any, else what went wrong on the way. */
    private static String answer(Exception e) {
        StringBuilder answer = new StringBuilder();
        for (Throwable t = e; t != null && answer.length() < 1000; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                if (!answer.isEmpty()) {
                    answer.append(" / ");
                }
                answer.append(t.getMessage().strip());
            }
        }
        return answer.isEmpty() ? e.getClass().getSimpleName() : answer.toString();
    }

    private static int setting(String key, int otherwise) {
        return ConfigProvider.getConfig().getOptionalValue(key, Integer.class).orElse(otherwise);
    }
}
