package ru.otklik.posts;

import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.otklik.OtklikApplication;
import ru.otklik.people.PeopleLookup;
import ru.otklik.posts.internal.InboxQuery;
import ru.otklik.reports.ReportBenchmark;
import ru.otklik.support.TestDatabase;
import ru.otklik.web.MenuCounts;

/**
 * Issue 17 point 3: what the menu's counts cost each page, and the inbox's default order («what burns first»), with
 * the posts of the report benchmark (default 1,000,000, 20,000 open, with their clocks). Starts Otklik on a fresh
 * embedded PostgreSQL, seeds, {@code VACUUM ANALYZE}, then times the counts of each demo role and the inbox's first
 * page in the default and the received order, and prints the plans. See docs/PERFORMANCE.md.
 */
public final class QueueCountsBenchmark {

    public static void main(String[] args) throws Exception {
        int posts = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int runs = 200;
        TestDatabase db = TestDatabase.get();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(OtklikApplication.class)
                .properties(
                        "spring.datasource.url=" + db.url(),
                        "spring.datasource.username=" + db.username(),
                        "spring.datasource.password=" + db.password(),
                        "server.port=0",
                        "otklik.demo=true",
                        "otklik.sweep.enabled=false",
                        "spring.main.banner-mode=off",
                        "logging.level.root=WARN")
                .run()) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            ReportBenchmark.seed(jdbc, posts);
            jdbc.sql("vacuum analyze").update();
            MenuCounts menu = app.getBean(MenuCounts.class);
            PostManagement management = app.getBean(PostManagement.class);
            PeopleLookup people = app.getBean(PeopleLookup.class);
            for (String login : List.of("specialist", "executor", "head", "deputy", "minister")) {
                long id = jdbc.sql("select id from app_user where login = ?")
                        .param(login)
                        .query(Long.class)
                        .single();
                var person = people.person(id).orElseThrow();
                Actor actor = management.actor(person.id(), person.roles());
                MenuCounts.Counts counts = menu.of(actor);
                long start = System.nanoTime();
                for (int i = 0; i < runs; i++) {
                    menu.of(management.actor(person.id(), person.roles()));
                }
                System.out.printf(
                        "%-10s counts %s: %.2f ms per page (actor included)%n",
                        login, counts, (System.nanoTime() - start) / 1e6 / runs);
            }
            InboxQuery inbox = app.getBean(InboxQuery.class);
            for (String sort : List.of(InboxQuery.URGENT, "received")) {
                InboxQuery.Filter filter = new InboxQuery.Filter(null, null, null, null, null, null, null, sort, 0);
                inbox.find(filter);
                long start = System.nanoTime();
                for (int i = 0; i < 50; i++) {
                    inbox.find(filter);
                }
                System.out.printf("inbox page 1, %s: %.2f ms%n", sort, (System.nanoTime() - start) / 1e6 / 50);
            }
            jdbc.sql("explain (analyze, buffers) select (select count(*) from (select p.id from post p where "
                            + WorkQueues.ORG_ACTION + " union select w.post_id from assignment w"
                            + " where w.part_state = 'AWAITING_REROUTE') o)")
                    .query(String.class)
                    .list()
                    .forEach(System.out::println);
        }
    }
}
