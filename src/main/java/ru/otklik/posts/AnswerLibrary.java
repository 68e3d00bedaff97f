package ru.otklik.posts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.otklik.posts.internal.Posts;
import ru.otklik.posts.internal.RepeatFinder;

/**
 * The library of answers the Ministry has posted (п.16: answer with regard to the earlier answer; п.17: current,
 * correct information): full-text search in Russian over the answers and their posts, and the earlier answers most
 * like a post, for its draft editor. Read only; posted answers are public once posted, so every member of staff who
 * works on posts may read all of them.
 */
@Service
@Transactional(readOnly = true)
public class AnswerLibrary {

    /** Answers on one page of the library. */
    public static final int PAGE_SIZE = 20;

    /** Earlier answers offered beside a draft. */
    public static final int SIMILAR_SHOWN = 5;

    /** The longest words of a post that the search for similar answers looks for (the rest add little but time). */
    static final int SIMILAR_WORDS = 16;

    /** How long the search for similar answers may take before the editor goes on without it. */
    static final int SIMILAR_TIMEOUT_MILLIS = 2_000;

    private static final String SELECT = """
            select d.id as draft_id, p.id as post_id, p.registration_number, p.text as post_text, d.posted_text,
                   d.department_id, dep.name as department, p.topic, d.posted_at, d.intermediate, d.posted_url
            from draft d join post p on p.id = d.post_id
            left join department dep on dep.id = d.department_id
            """;

    /**
     * What the library is asked for; every part may be empty.
     *
     * @param words        words in any form («пособия» finds «пособие»), as typed; quotes and «-слово» as in web search
     * @param departmentId the department whose answer it was
     * @param topic        the post's topic, exactly
     * @param from         answers posted at or after this instant
     * @param before       answers posted before this instant
     */
    public record Search(String words, Long departmentId, String topic, Instant from, Instant before) {

        boolean hasWords() {
            return words != null && !words.isBlank();
        }
    }

    /** A posted answer with its post. */
    public record PastAnswer(
            long draftId,
            long postId,
            String postLabel,
            String postText,
            String answerText,
            Long departmentId,
            String department,
            String topic,
            Instant postedAt,
            boolean intermediate,
            String postedUrl) {}

    /** One page of answers; {@code more}: a next page exists. */
    public record Page(List<PastAnswer> answers, int number, boolean more) {}

    private final JdbcClient jdbc;
    private final Posts posts;

    AnswerLibrary(JdbcClient jdbc, Posts posts) {
        this.jdbc = jdbc;
        this.posts = posts;
    }

    /**
     * The answers that match, best match first (newest first when no words are given).
     *
     * @param page from 0
     */
    public Page search(Search search, int page) {
        int number = Math.max(0, page);
        String where = """
                where d.posted_at is not null
                  and (cast(:department as bigint) is null or d.department_id = :department)
                  and (cast(:topic as varchar) is null or p.topic = :topic)
                  and (cast(:from as timestamptz) is null or d.posted_at >= :from)
                  and (cast(:before as timestamptz) is null or d.posted_at < :before)
                """;
        String sql = search.hasWords()
                ? "with q as (select websearch_to_tsquery('russian', :words) as query) " + SELECT
                        + " cross join q " + where
                        + " and (d.posted_tsv @@ q.query or p.text_tsv @@ q.query)"
                        + " order by ts_rank(d.posted_tsv, q.query) + ts_rank(p.text_tsv, q.query) / 2 desc,"
                        + " d.posted_at desc, d.id desc limit :limit offset :offset"
                : SELECT + where + " order by d.posted_at desc, d.id desc limit :limit offset :offset";
        JdbcClient.StatementSpec statement = jdbc.sql(sql)
                .param("department", search.departmentId())
                .param("topic", blankToNull(search.topic()))
                .param("from", search.from() == null ? null : java.sql.Timestamp.from(search.from()))
                .param("before", search.before() == null ? null : java.sql.Timestamp.from(search.before()))
                .param("limit", PAGE_SIZE + 1)
                .param("offset", number * PAGE_SIZE);
        if (search.hasWords()) {
            statement = statement.param("words", search.words().strip());
        }
        List<PastAnswer> found = statement.query(AnswerLibrary::answer).list();
        boolean more = found.size() > PAGE_SIZE;
        return new Page(more ? found.subList(0, PAGE_SIZE) : found, number, more);
    }

    /**
     * The earlier answers to the posts most like this one — by the post's longest words, in any form — best first,
     * this post's own answers left out; nothing if the search takes longer than the editor can wait.
     *
     * @return empty if the post does not exist or the actor may not see it
     */
    public Optional<List<PastAnswer>> similarTo(long postId, Actor actor) {
        var post = posts.findById(postId).filter(p -> p.maySee(actor));
        if (post.isEmpty()) {
            return Optional.empty();
        }
        jdbc.sql("set local statement_timeout = " + SIMILAR_TIMEOUT_MILLIS).update();
        try {
            return Optional.of(jdbc.sql("""
                            with words as (
                                select w from unnest(tsvector_to_array(to_tsvector('russian', :text))) w
                                where w !~ '[''\\\\]'
                                order by length(w) desc, w limit :words),
                            q as (
                                select to_tsquery('simple', string_agg('''' || w || '''', ' | ')) as query from words)
                            """ + SELECT + """
                            cross join q
                            where d.posted_at is not null and d.post_id <> :post and q.query is not null
                              and (p.text_tsv @@ q.query or d.posted_tsv @@ q.query)
                            order by ts_rank(p.text_tsv, q.query) + ts_rank(d.posted_tsv, q.query) / 2 desc,
                                     d.posted_at desc, d.id desc
                            limit :limit""")
                    .param("text", post.get().getText())
                    .param("words", SIMILAR_WORDS)
                    .param("post", postId)
                    .param("limit", SIMILAR_SHOWN)
                    .query(AnswerLibrary::answer)
                    .list());
        } catch (DataAccessException e) {
            if (!RepeatFinder.timedOut(e)) {
                throw e;
            }
            // cancelled by the statement timeout: the editor is more use without suggestions than late
            return Optional.of(List.of());
        }
    }

    /** A posted answer by its draft's id. */
    public Optional<PastAnswer> find(long draftId) {
        return jdbc.sql(SELECT + " where d.id = ? and d.posted_at is not null")
                .param(draftId)
                .query(AnswerLibrary::answer)
                .optional();
    }

    /** The topics of the latest posted answers, most frequent first: the choices of the library's topic filter. */
    public List<String> recentTopics() {
        return jdbc.sql("""
                        select topic from (
                            select p.topic from draft d join post p on p.id = d.post_id
                            where d.posted_at is not null and p.topic is not null
                            order by d.posted_at desc limit 5000) latest
                        group by topic order by count(*) desc, topic limit 100""").query(String.class).list();
    }

    private static PastAnswer answer(ResultSet rs, int n) throws SQLException {
        long departmentId = rs.getLong("department_id");
        Long department = rs.wasNull() ? null : departmentId;
        return new PastAnswer(
                rs.getLong("draft_id"),
                rs.getLong("post_id"),
                rs.getString("registration_number"),
                rs.getString("post_text"),
                rs.getString("posted_text"),
                department,
                rs.getString("department"),
                rs.getString("topic"),
                rs.getTimestamp("posted_at").toInstant(),
                rs.getBoolean("intermediate"),
                rs.getString("posted_url"));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
