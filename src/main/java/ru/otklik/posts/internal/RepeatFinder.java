package ru.otklik.posts.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import ru.otklik.posts.PostState;

/**
 * Earlier posts that may be on the same question (п.16): by the same author, on the same link, or with similar text
 * (PostgreSQL {@code pg_trgm} similarity above {@value #SIMILARITY}).
 */
@Component
public class RepeatFinder {

    static final double SIMILARITY = 0.4;
    private static final int LIMIT = 20;

    record Candidate(
            long id,
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
            similarity = "similarity(p.text, :text)";
        }
        if (clauses.isEmpty()) {
            return List.of();
        }
        params.put("exclude", excludeId == null ? -1L : excludeId);
        params.put("limit", LIMIT);
        // the answer it got (п.16): the last one posted, intermediate or final
        String sql = "select p.id, p.external_id, p.state, p.author_name, p.received_at, left(p.text, 300) as excerpt, "
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
