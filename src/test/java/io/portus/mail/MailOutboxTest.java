package io.portus.mail;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.portus.common.DbTime;
import io.portus.support.DatabaseTest;
import io.portus.support.OnDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mail outbox on a database of its own, with a real SMTP server (GreenMail) that is down at first: a queued
 * mail survives failed attempts (counted, rescheduled, its composer's writes committed once per attempt) and goes
 * out once the server is up; a row past {@link MailOutboxWorker#MAX_ATTEMPTS} is given up without sending.
 */
@ContextConfiguration(initializers = OnDatabase.OwnH2.class)
class MailOutboxTest extends DatabaseTest {

    static final int SMTP_PORT = freePort();
    static final GreenMail SMTP = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("portus.email.smtp.enabled", () -> "true");
        registry.add("portus.email.smtp.address", () -> "127.0.0.1");
        registry.add("portus.email.smtp.port", () -> SMTP_PORT);
        registry.add("portus.email.smtp.timeout", () -> "2s");
    }

    @TestConfiguration
    static class Composers {
        @Bean
        MailComposer testComposer() {
            return new MailComposer() {
                @Override
                public String kind() {
                    return "test";
                }

                @Override
                public Optional<Mail> compose(String recipient, String data, boolean retry) {
                    return Optional.of(new Mail(recipient, "outbox test", data + (retry ? " (retry)" : "")));
                }
            };
        }
    }

    @Autowired MailOutbox outbox;
    @Autowired JdbcClient jdbc;

    @AfterAll
    static void stopSmtp() {
        SMTP.stop();
    }

    @Test
    void aMailWaitsThroughFailedAttemptsAndGoesOutOnceTheServerIsUpAndAnExhaustedOneIsGivenUp() throws Exception {
        assertThat(outbox.enqueue("test", "first@example.com", "hello")).isTrue();
        // the attempt is counted (last_error null) before the send; its failure is written after it
        await(() -> attempts("first@example.com") >= 1 && lastError("first@example.com") != null);
        assertThat(lastError("first@example.com")).contains("SMTP server did not take");
        assertThat(SMTP.getReceivedMessages()).isEmpty();

        SMTP.start();
        jdbc.sql("UPDATE mail_outbox SET next_attempt_at = ?").param(DbTime.toDb(DbTime.now())).update();
        assertThat(outbox.enqueue("test", "second@example.com", "again")).isTrue();
        assertThat(SMTP.waitForIncomingEmail(20_000, 2)).isTrue();
        await(() -> outbox.pending() == 0);
        assertThat(SMTP.getReceivedMessages()).extracting(m -> m.getAllRecipients()[0].toString())
                .containsExactlyInAnyOrder("first@example.com", "second@example.com");
        assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(SMTP.getReceivedMessages()[0]))
                .as("composed again as a retry").contains("hello (retry)");

        jdbc.sql("INSERT INTO mail_outbox (kind, recipient, data, attempts, next_attempt_at, created_at) "
                + "VALUES ('test', 'exhausted@example.com', 'x', ?, ?, ?)")
                .params(MailOutboxWorker.MAX_ATTEMPTS, DbTime.toDb(DbTime.now()), DbTime.toDb(DbTime.now())).update();
        assertThat(outbox.enqueue("test", "third@example.com", "last")).isTrue();
        assertThat(SMTP.waitForIncomingEmail(20_000, 3)).isTrue();
        await(() -> outbox.pending() == 0);
        assertThat(SMTP.getReceivedMessages()).extracting(m -> m.getAllRecipients()[0].toString())
                .doesNotContain("exhausted@example.com").hasSize(3);
    }

    String lastError(String recipient) {
        return jdbc.sql("SELECT last_error FROM mail_outbox WHERE recipient = ?").param(recipient).query(String.class)
                .optional().orElse(null);
    }

    long attempts(String recipient) {
        return jdbc.sql("SELECT attempts FROM mail_outbox WHERE recipient = ?").param(recipient).query(Long.class)
                .optional().orElse(0L);
    }

    static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 30 s").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
