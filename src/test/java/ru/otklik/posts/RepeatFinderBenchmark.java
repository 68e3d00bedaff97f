package ru.otklik.posts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import ru.otklik.posts.internal.RepeatFinder;
import ru.otklik.support.IntegrationTest;

/**
 * The repeated-post lookups (п.16) over 200,000 posts: the one every arriving post runs (same author or link) and
 * the post page's (similar text, search). Not part of the normal test run (the name does not end in Test or IT); run
 * it alone: {@code ./mvnw -B -ntp failsafe:integration-test -Dit.test=RepeatFinderBenchmark}. The figures and plans
 * are printed.
 */
@IntegrationTest
class RepeatFinderBenchmark {

    private static final int POSTS = 200_000;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RepeatFinder repeats;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void lookupsOverTwoHundredThousandPosts() {
        // 200,000 posts by 50,000 authors on 100,000 links, with texts from 40 topics and a distinct tail
        jdbc.sql("""
                        insert into post (external_id, source, url, author_name, author_url, text, detected_at,
                                          received_at, importance, state, last_action_at)
                        select 'BENCH-' || g, 'VK', 'https://vk.com/wall-1_' || (g % 100000),
                               'Автор ' || (g % 50000), 'https://vk.com/id' || (g % 50000),
                               (array['Когда придёт пособие на ребёнка', 'Не работает лифт в доме',
                                      'Когда отремонтируют дорогу', 'Нет горячей воды третий день'])[1 + g % 4]
                                   || ' вопрос ' || (g % 40) || ', обращение ' || md5(g::text),
                               now(), now(), 'NORMAL', 'ANSWERED', now()
                        from generate_series(1, :n) g""").param("n", POSTS).update();
        jdbc.sql("analyze post").update();
        long last = jdbc.sql("select max(id) from post").query(Long.class).single();

        time(
                "same author or link (every arrival)",
                () -> repeats.sameAuthorOrLink(last + 1, "https://vk.com/wall-1_777", "https://vk.com/id4242")
                        .size());
        time(
                "similar text (post page)",
                () -> repeats.find(null, null, "Когда придёт пособие на ребёнка вопрос 7, обращение новое", last + 1)
                        .size());
        time(
                "search by ЦУР's id (post page)",
                () -> repeats.search("BENCH-123456", last + 1).size());
        time(
                "search by words (post page)",
                () -> repeats.search("лифт", last + 1).size());
        time(
                "search by author's name (post page)",
                () -> repeats.search("Автор 4242", last + 1).size());

        explain("select id from post where id < " + (last + 1)
                + " and (author_url = 'https://vk.com/id4242' or url = 'https://vk.com/wall-1_777')"
                + " order by id desc limit 20");
        List<String> plan = new TransactionTemplate(transactionManager).execute(status -> {
            jdbc.sql("select set_config('pg_trgm.similarity_threshold', '0.4', true)")
                    .query(String.class)
                    .single();
            return jdbc.sql("explain select id from post p where p.text % 'Когда придёт пособие на ребёнка вопрос 7'")
                    .query(String.class)
                    .list();
        });
        System.out.println("[repeats] plan:\n  " + String.join("\n  ", plan));
        assertThat(String.join("\n", plan)).contains("post_text_trgm_ix");
    }

    private void time(String what, Supplier<Integer> lookup) {
        lookup.get(); // warm
        int runs = 20;
        long started = System.nanoTime();
        int found = 0;
        for (int i = 0; i < runs; i++) {
            found = lookup.get();
        }
        double ms = (System.nanoTime() - started) / 1e6 / runs;
        System.out.printf("[repeats] %-40s %8.2f ms per lookup, %d found%n", what, ms, found);
    }

    private void explain(String sql) {
        List<String> plan = jdbc.sql("explain " + sql).query(String.class).list();
        System.out.println("[repeats] plan:\n  " + String.join("\n  ", plan));
        assertThat(String.join("\n", plan)).contains("post_author_url_ix").contains("post_url_ix");
    }
}
