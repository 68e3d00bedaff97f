package ru.otklik.intake;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongFunction;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import ru.otklik.posts.NewPost;
import ru.otklik.posts.PostManagement;
import ru.otklik.posts.PostSummary;

/**
 * The one door for posts from ЦУР, used by the API and by the import alike: registers a message exactly once per
 * external id. The claim row in {@code cur_message} is inserted with {@code ON CONFLICT DO NOTHING} in the same
 * transaction as the post, so a concurrent retry waits on the unique index until the first commits and then sees
 * the claim: no check-then-insert race. The claim does not repeat the post's id: {@code post.external_id} is unique,
 * so a repeat finds its post by the external id.
 */
@Service
public class Intake {

    private record Claim(String contentHash, long postId) {}

    /**
     * A receipt with the post as the caller described it in the registering transaction ({@code null} for
     * CONFLICT).
     */
    public record Described<T>(Receipt receipt, T description) {}

    private final JdbcClient jdbc;
    private final PostManagement management;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Intake(JdbcClient jdbc, PostManagement management, PlatformTransactionManager transactionManager, Clock clock) {
        this.jdbc = jdbc;
        this.management = management;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** Registers the message as a post (received now) unless its external id was received before. */
    public Receipt receive(IntakeMessage message) {
        return receive(message, postId -> postId).receipt();
    }

    /**
     * Registers the message like {@link #receive(IntakeMessage)} and describes the new or earlier post in the same
     * transaction: the API's answer comes from what was just written, without a second transaction.
     */
    public <T> Described<T> receive(IntakeMessage message, LongFunction<T> describe) {
        try {
            return transactions.execute(status -> {
                Receipt receipt = claimAndRegister(message);
                return new Described<>(
                        receipt, receipt.kind() == Receipt.Kind.CONFLICT ? null : describe.apply(receipt.postId()));
            });
        } catch (DataIntegrityViolationException ex) {
            // a post typed by hand holds this external id
            Optional<Long> holder = postWithExternalId(message.externalId());
            if (holder.isPresent()) {
                return new Described<>(new Receipt(Receipt.Kind.CONFLICT, holder.get()), null);
            }
            throw ex;
        }
    }

    private Receipt claimAndRegister(IntakeMessage message) {
        Instant now = clock.instant();
        String hash = message.contentHash();
        int claimed = jdbc.sql("insert into cur_message (external_id, content_hash, received_at) values (?, ?, ?) "
                        + "on conflict (external_id) do nothing")
                .params(message.externalId(), hash, Timestamp.from(now))
                .update();
        if (claimed == 0) {
            Claim claim = jdbc.sql("select c.content_hash, p.id as post_id from cur_message c "
                            + "join post p on p.external_id = c.external_id where c.external_id = ?")
                    .param(message.externalId())
                    .query(Claim.class)
                    .single();
            return new Receipt(
                    claim.contentHash().equals(hash) ? Receipt.Kind.REPEATED : Receipt.Kind.CONFLICT, claim.postId());
        }
        // a post typed by hand may hold this external id: the unique key of post refuses the insert, we roll back
        // and answer CONFLICT (see receive), without a query per message to look for it first
        // ЦУР's clock may run up to 5 minutes ahead: a post cannot have been detected after we received it
        Instant detectedAt = message.detectedAt().isAfter(now) ? now : message.detectedAt();
        PostSummary post = management.receive(
                new NewPost(
                        message.externalId(),
                        message.source(),
                        message.url(),
                        message.authorName(),
                        message.authorUrl(),
                        message.text(),
                        detectedAt,
                        now,
                        message.importance(),
                        message.topic()),
                Set.of());
        return new Receipt(Receipt.Kind.CREATED, post.id());
    }

    private Optional<Long> postWithExternalId(String externalId) {
        return jdbc.sql("select id from post where external_id = ?")
                .param(externalId)
                .query(Long.class)
                .optional();
    }
}
