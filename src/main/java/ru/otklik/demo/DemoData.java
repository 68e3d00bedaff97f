package ru.otklik.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import ru.otklik.database.DatabaseMode;
import ru.otklik.database.FirstStart;
import ru.otklik.intake.ApiTokens;
import ru.otklik.people.DepartmentSummary;
import ru.otklik.people.PeopleLookup;
import ru.otklik.people.PeopleManagement;
import ru.otklik.people.PersonSummary;
import ru.otklik.people.Role;
import ru.otklik.posts.Actor;
import ru.otklik.posts.Importance;
import ru.otklik.posts.NewPost;
import ru.otklik.posts.PostLookup;
import ru.otklik.posts.PostManagement;
import ru.otklik.posts.Routing;
import ru.otklik.posts.Source;

/**
 * Seeds the demo of SPEC §6 (every login with the password {@code demo}) when demo mode is on and nobody exists yet.
 * It runs while the application starts, before the web server takes requests (the first ЦУР call finds the demo
 * token), in one transaction under the {@link FirstStart} lock: of several instances started together on an empty
 * database, one seeds and the others find the people there.
 */
@Component
class DemoData implements SmartLifecycle {

    static final String PASSWORD = "demo";

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final DatabaseMode mode;
    private final PeopleLookup peopleLookup;
    static final String CUR_TOKEN = "demo-cur-token";

    private final PeopleManagement people;
    private final ApiTokens tokens;
    private final PostManagement posts;
    private final PostLookup lookup;
    private final Clock clock;
    private final FirstStart firstStart;
    private volatile boolean running;

    DemoData(
            DatabaseMode mode,
            PeopleLookup peopleLookup,
            PeopleManagement people,
            ApiTokens tokens,
            PostManagement posts,
            PostLookup lookup,
            Clock clock,
            FirstStart firstStart) {
        this.firstStart = firstStart;
        this.mode = mode;
        this.peopleLookup = peopleLookup;
        this.people = people;
        this.tokens = tokens;
        this.posts = posts;
        this.lookup = lookup;
        this.clock = clock;
    }

    @Override
    public void start() {
        if (mode.demo()) {
            firstStart.seed(this::seedIfEmpty);
        }
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return FirstStart.PHASE;
    }

    private void seedIfEmpty() {
        if (peopleLookup.anyPerson()) {
            return;
        }
        person("admin", "Администратор системы", Role.ADMIN);
        PersonSummary specialist = person("specialist", "Петрова Ольга Николаевна", Role.ORG_SPECIALIST);
        person("orghead", "Смирнова Наталья Викторовна", Role.ORG_HEAD);
        PersonSummary executor = person("executor", "Кузнецов Андрей Павлович", Role.EXECUTOR);
        PersonSummary executor2 = person("executor2", "Васильева Елена Сергеевна", Role.EXECUTOR);
        PersonSummary head = person("head", "Морозов Сергей Иванович", Role.DEPT_HEAD);
        PersonSummary head2 = person("head2", "Волкова Ирина Александровна", Role.DEPT_HEAD);
        PersonSummary deputy = person("deputy", "Соколов Алексей Дмитриевич", Role.DEPUTY_MINISTER);
        PersonSummary deputy2 = person("deputy2", "Лебедева Марина Юрьевна", Role.DEPUTY_MINISTER);
        person("minister", "Новиков Михаил Андреевич", Role.MINISTER);
        people.appointCoordinator(deputy.id());
        DepartmentSummary families = people.createDepartment(
                "Отдел социальной поддержки семей с детьми", head.id(), deputy.id(), Set.of(executor.id()));
        DepartmentSummary employment = people.createDepartment(
                "Отдел содействия занятости населения", head2.id(), deputy2.id(), Set.of(executor2.id()));
        posts(posts.actor(specialist.id(), specialist.roles()), executor, executor2, families, employment);
        tokens.createWithSecret("ЦУР Кузбасса (демо)", CUR_TOKEN, "admin");
        log.info(
                "Демонстрационные данные созданы: логины admin, specialist, orghead, executor, executor2, head, head2, "
                        + "deputy, deputy2, minister; пароль '{}'",
                PASSWORD);
    }

    /**
     * A few posts in the states of SPEC §2: new (one HIGH, one flagged under п.18), assigned, in work, a draft waiting
     * for the department head, and one answered.
     */
    private void posts(
            Actor specialist,
            PersonSummary executor,
            PersonSummary executor2,
            DepartmentSummary families,
            DepartmentSummary employment) {
        Instant now = clock.instant();
        long benefit = post(
                "IM-DEMO-0001",
                Source.VK,
                "https://vk.com/wall-100_2001",
                "Анна Кравец",
                "https://vk.com/id1001",
                "Здравствуйте! Подала заявление на единое пособие на ребёнка три недели назад, "
                        + "статус не меняется. Подскажите, когда будет решение?",
                now.minus(Duration.ofMinutes(40)),
                now.minus(Duration.ofMinutes(30)),
                Importance.NORMAL,
                Set.of());
        post(
                "IM-DEMO-0002",
                Source.VK,
                "https://vk.com/wall-100_2002",
                "Анна Кравец",
                "https://vk.com/id1001",
                "Снова пишу про единое пособие на ребёнка: решения по заявлению так и нет, в МФЦ ничего не знают.",
                now.minus(Duration.ofMinutes(12)),
                now.minus(Duration.ofMinutes(5)),
                Importance.NORMAL,
                Set.of(benefit));
        post(
                "IM-DEMO-0003",
                Source.OK,
                "https://ok.ru/group/3001/topic/4001",
                "Сергей Лаптев",
                "https://ok.ru/profile/3002",
                "В Прокопьевске закрывают цех, 300 человек остаются без работы. "
                        + "Что будет с выплатами и переобучением?",
                now.minus(Duration.ofMinutes(20)),
                now.minus(Duration.ofMinutes(15)),
                Importance.HIGH,
                Set.of());
        post(
                "IM-DEMO-0004",
                Source.BLOG,
                "https://blog.example.ru/post/77",
                "Аноним",
                null,
                "Чиновники — идиоты и казнокрады! Сколько можно ждать выплату?",
                now.minus(Duration.ofMinutes(25)),
                now.minus(Duration.ofMinutes(20)),
                Importance.NORMAL,
                Set.of());
        long assigned = post(
                "IM-DEMO-0005",
                Source.VK,
                "https://vk.com/wall-100_2005",
                "Марина Ершова",
                "https://vk.com/id1005",
                "Многодетным семьям положена компенсация за детский сад? Куда обращаться?",
                now.minus(Duration.ofMinutes(50)),
                now.minus(Duration.ofMinutes(45)),
                Importance.NORMAL,
                Set.of());
        posts.route(
                assigned,
                version(assigned),
                List.of(new Routing(families.id(), executor.id())),
                Importance.NORMAL,
                specialist);
        long inWork = post(
                "IM-DEMO-0006",
                Source.OK,
                "https://ok.ru/group/3001/topic/4006",
                "Виктор Бойко",
                "https://ok.ru/profile/3006",
                "Встал на учёт в центр занятости месяц назад, пособие по безработице " + "до сих пор не начислено.",
                now.minus(Duration.ofMinutes(90)),
                now.minus(Duration.ofMinutes(80)),
                Importance.NORMAL,
                Set.of());
        posts.route(
                inWork,
                version(inWork),
                List.of(new Routing(employment.id(), executor2.id())),
                Importance.NORMAL,
                specialist);
        posts.accept(inWork, firstAssignment(inWork), version(inWork), posts.actor(executor2.id(), executor2.roles()));
        answering(specialist, executor, families, now);
    }

    /** Part 2 of SPEC §2: a draft waiting for the head of the families department, and a post already answered. */
    private void answering(Actor specialist, PersonSummary executor, DepartmentSummary families, Instant now) {
        Actor author = posts.actor(executor.id(), executor.roles());
        long waiting = post(
                "IM-DEMO-0007",
                Source.VK,
                "https://vk.com/wall-100_2007",
                "Ольга Синицына",
                "https://vk.com/id1007",
                "Как оформить выплату на третьего ребёнка? Какие документы нужны?",
                now.minus(Duration.ofMinutes(70)),
                now.minus(Duration.ofMinutes(65)),
                Importance.NORMAL,
                Set.of());
        posts.route(
                waiting,
                version(waiting),
                List.of(new Routing(families.id(), executor.id())),
                Importance.NORMAL,
                specialist);
        posts.accept(waiting, firstAssignment(waiting), version(waiting), author);
        posts.submitDraft(
                waiting,
                version(waiting),
                false,
                "Здравствуйте, Ольга!\n\nЗаявление на выплату "
                        + "подаётся через Госуслуги или в МФЦ. Нужны паспорт и свидетельства о рождении детей.\n\n"
                        + "Министерство труда и социальной защиты Кузбасса",
                null,
                author);

        long id = post(
                "IM-DEMO-0008",
                Source.OK,
                "https://ok.ru/group/3001/topic/4008",
                "Павел Ильин",
                "https://ok.ru/profile/3008",
                "Где узнать график выплаты детских пособий в декабре?",
                now.minus(Duration.ofMinutes(200)),
                now.minus(Duration.ofMinutes(190)),
                Importance.NORMAL,
                Set.of());
        posts.route(id, version(id), List.of(new Routing(families.id(), executor.id())), Importance.NORMAL, specialist);
        posts.accept(id, firstAssignment(id), version(id), author);
        posts.submitDraft(
                id,
                version(id),
                false,
                "Здравствуйте, Павел!\n\nВ декабре пособия "
                        + "выплачиваются до 25 числа, график размещён на сайте министерства.",
                null,
                author);
        PersonSummary head = families.head();
        PersonSummary deputy = families.curator();
        posts.approveDraft(id, version(id), posts.actor(head.id(), head.roles()));
        posts.approveDraft(id, version(id), posts.actor(deputy.id(), deputy.roles()));
        posts.sendToCur(id, version(id), specialist);
        posts.recordCurDecision(id, version(id), true, null, specialist);
        posts.postAnswer(id, version(id), "https://ok.ru/group/3001/topic/4008#comment-1", null, specialist);
    }

    private long post(
            String externalId,
            Source source,
            String url,
            String authorName,
            String authorUrl,
            String text,
            Instant detectedAt,
            Instant receivedAt,
            Importance importance,
            Set<Long> links) {
        return posts.receive(
                        new NewPost(
                                externalId,
                                source,
                                url,
                                authorName,
                                authorUrl,
                                text,
                                detectedAt,
                                receivedAt,
                                importance,
                                null),
                        links)
                .id();
    }

    private long version(long postId) {
        return lookup.find(postId).orElseThrow().version();
    }

    private long firstAssignment(long postId) {
        return lookup.find(postId).orElseThrow().assignmentIds().get(0);
    }

    private PersonSummary person(String login, String fullName, Role role) {
        return people.createAccount(login, fullName, login + "@otklik.example", PASSWORD, EnumSet.of(role));
    }
}
