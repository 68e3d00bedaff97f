package ru.otklik.posts.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import ru.otklik.posts.PostState;

/**
 * Earlier posts that may be on the same question (п.16): by the same author, on the same link, or with similar text
 * (PostgreSQL {@code pg_trgm} similarity above {@value #SIMILARITY}). Every lookup is served by an index: author_url,
 * url, external_id (b-tree), the text's trigrams and words (GIN), the author's name (trigram GIN).
 */
@Component
public class RepeatFinder {

    static final double SIMILARITY = 0.4;
    private static final int LIMIT = 20;

    /**
     * How long the similar-text lookup may take: with tens of thousands of near-copies of a text it scores every one
     * (5 s over 200,000 posts, docs/PERFORMANCE.md), and the person is better served by the search.
     */
    public static final Duration SIMILAR_TEXT_TIMEOUT = Duration.ofSeconds(1);

    /**
     * Whether PostgreSQL cancelled a statement of this failure for its statement timeout (SQLSTATE 57014): the
     * similar-text lookup running out of {@link #SIMILAR_TEXT_TIMEOUT}, or the answer library's search its own.
     */
    public static boolean timedOut(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLException sql && "57014".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    public record Candidate(
            long id,
            String registrationNumber,
            String externalId,
            PostState state,
            String authorName,
            Instant receivedAt,
            String excerpt,
            boolean sameAuthor,
            boolean sameLink,
            double similarity,
            String answerUrl,
            String answerText) {

        /** Similarity in whole per cent, for display. */
        public int similarityPercent() {
            return (int) Math.round(similarity * 100);
        }
    }

    private final JdbcClient jdbc;

    RepeatFinder(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The posts registered before this one by the same author (their page's address) or on the same link: linked at
     * once when a post arrives (п.16), the latest first.
     *
     * @return registration number by post id
     */
    @Transactional(readOnly = true)
    public Map<Long, String> sameAuthorOrLink(long postId, String url, String authorUrl) {
        String author = authorUrl == null || authorUrl.isBlank() ? null : authorUrl.strip();
        String link = url == null || url.isBlank() ? null : url.strip();
        if (author == null && link == null) {
            return Map.of();
        }
        Map<Long, String> found = new LinkedHashMap<>();
        jdbc.sql("""
                        select id, registration_number from post
                        where id < :id and (author_url = :author or url = :url)
                        order by id desc limit :limit""")
                .param("id", postId)
                .param("author", author)
                .param("url", link)
                .param("limit", LIMIT)
                .query((rs, n) -> Map.entry(rs.getLong("id"), rs.getString("registration_number")))
                .list()
                .forEach(e -> found.put(e.getKey(), e.getValue()));
        return found;
    }

    /**
     * The similar posts to offer on a post's page (п.16): found like {@link #find} and not yet linked either way nor
     * dismissed as not a repeat.
     */
    @Transactional(readOnly = true)
    public List<Candidate> offered(long postId, String url, String authorUrl, String text, Set<Long> skip) {
        // earlier posts only: a later one offers this one on its own page
        return find(url, authorUrl, text, postId).stream()
                .filter(c -> c.id() < postId && !skip.contains(c.id()))
                .toList();
    }

    /**
     * Posts found by the post page's search (п.16): the registration number or the external id, the post's or the
     * author's link exactly, or the words of the text, or a part of the author's name; the latest first.
     */
    @Transactional(readOnly = true)
    public List<Candidate> search(String query, long excludeId) {
        if (query == null || query.isBlank()) {
            return List.of();
        }
        String q = query.strip();
        RegistrationNumbers.Wanted number = RegistrationNumbers.parse(q);
        String sql =
                "select p.id, p.registration_number, p.external_id, p.state, p.author_name, p.received_at, left(p.text, 300) as excerpt,"
                        + " false as same_author, false as same_link, 0.0 as sim," + ANSWER
                        + " from post p where p.id <> :exclude and (p.external_id = :q or p.url = :q or p.author_url = :q"
                        + " or (p.registration_year = :regYear and p.registration_seq = :regSeq)"
                        + " or p.text_tsv @@ websearch_to_tsquery('russian', :q)"
                        + " or (length(:q) >= 3 and p.author_name ilike :like))"
                        + " order by p.received_at desc, p.id desc limit :limit";
        return jdbc.sql(sql)
                .param("exclude", excludeId)
                .param("q", q)
                .param("regYear", number.year())
                .param("regSeq", number.seq())
                .param("like", "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
                .param("limit", LIMIT)
                .query(RepeatFinder::candidate)
                .list();
    }

    /** The answer a post got (п.16): the last one posted, intermediate or final. */
    private static final String ANSWER = " (select d.posted_url from draft d where d.post_id = p.id"
            + " and d.posted_at is not null order by d.posted_at desc, d.id desc limit 1) as answer_url,"
            + " (select left(d.posted_text, 1000) from draft d where d.post_id = p.id and d.posted_at is not null"
            + " order by d.posted_at desc, d.id desc limit 1) as answer_text";

    private static Candidate candidate(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Candidate(
                rs.getLong("id"),
                rs.getString("registration_number"),
                rs.getString("external_id"),
                PostState.valueOf(rs.getString("state")),
                rs.getString("author_name"),
                InboxQuery.instant(rs, "received_at"),
                rs.getString("excerpt"),
                rs.getBoolean("same_author"),
                rs.getBoolean("same_link"),
                rs.getDouble("sim"),
                rs.getString("answer_url"),
                rs.getString("answer_text"));
    }

    @Transactional(readOnly = true)
    public List<Candidate> find(String url, String authorUrl, String text, Long excludeId) {
        Map<String, Object> params = new HashMap<>();
        List<String> clauses = new ArrayList<>();
        String sameAuthor = "false";
        String sameLink = "false";
        String similarity = "0.0";
        if (authorUrl != null && !authorUrl.isBlank()) {
            params.put("authorUrl", authorUrl.strip());
            clauses.add("p.author_url = :authorUrl");
            sameAuthor = "coalesce(p.author_url = :authorUrl, false)";
        }
        if (url != null && !url.isBlank()) {
            params.put("url", url.strip());
            clauses.add("p.url = :url");
            sameLink = "(p.url = :url)";
        }
        if (text != null && !text.isBlank()) {
            params.put("text", text.strip());
            params.put("threshold", SIMILARITY);
            clauses.add("(p.text % :text and similarity(p.text, :text) > :threshold)");
            // the % operator (served by the trigram index) filters at this transaction's threshold: ours, not 0.3;
            // and many near-copies make the scoring slow (every one is scored): bounded in time, see #timedOut
            jdbc.sql("select set_config('pg_trgm.similarity_threshold', :t, true),"
                            + " set_config('statement_timeout', :ms, true)")
                    .param("t", String.valueOf(SIMILARITY))
                    .param("ms", String.valueOf(SIMILAR_TEXT_TIMEOUT.toMillis()))
                    .query((rs, n) -> rs.getString(1))
                    .single();
            similarity = "similarity(p.text, :text)";
        }
        if (clauses.isEmpty()) {
            return List.of();
        }
        params.put("exclude", excludeId == null ? -1L : excludeId);
        params.put("limit", LIMIT);
        // the answer it got (п.16): the last one posted, intermediate or final
        String sql = "select p.id, p.registration_number, p.external_id, p.state, p.author_name, p.received_at,"
                + " left(p.text, 300) as excerpt, "
                + sameAuthor + " as same_author, " + sameLink + " as same_link, " + similarity + " as sim,"
                + " (select d.posted_url from draft d where d.post_id = p.id and d.posted_at is not null"
                + " order by d.posted_at desc, d.id desc limit 1) as answer_url,"
                + " (select left(d.posted_text, 1000) from draft d where d.post_id = p.id and d.posted_at is not null"
                + " order by d.posted_at desc, d.id desc limit 1) as answer_text"
                + " from post p where p.id <> :exclude and (" + String.join(" or ", clauses) + ")"
                + " order by same_link desc, same_author desc, sim desc, p.received_at desc limit :limit";
        return jdbc.sql(sql)
                .params(params)
                .query((rs, n) -> new Candidate(
                        rs.getLong("id"),
                        rs.getString("registration_number"),
                        rs.getString("external_id"),
                        PostState.valueOf(rs.getString("state")),
                        rs.getString("author_name"),
                        InboxQuery.instant(rs, "received_at"),
                        rs.getString("excerpt"),
                        rs.getBoolean("same_author"),
                        rs.getBoolean("same_link"),
                        rs.getDouble("sim"),
                        rs.getString("answer_url"),
                        rs.getString("answer_text")))
                .list();
    }
}
