package ru.otklik.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import ru.otklik.calendar.WorkingTime;
import ru.otklik.deadlines.internal.Notifications;
import ru.otklik.posts.AnswerPosted;
import ru.otklik.posts.ContributionSubmitted;
import ru.otklik.posts.CurApproved;
import ru.otklik.posts.DraftApproved;
import ru.otklik.posts.DraftReturned;
import ru.otklik.posts.DraftSubmitted;
import ru.otklik.posts.Importance;
import ru.otklik.posts.SentToCur;
import ru.otklik.posts.internal.Post;
import ru.otklik.support.TestConfig;

/**
 * Each rule of SPEC §3 starts and stops on the right events with the right due instant.
 */
class ClockRulesIT extends DeadlineIT {

    /** Friday 2026-12-04 16:25 in Novokuznetsk. */
    private static final Instant FRIDAY_1625 = Instant.parse("2026-12-04T09:25:00Z");

    @Autowired
    WorkingTime workingTime;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    Notifications notifications;

    @Autowired
    Clocks clocks;

    @AfterEach
    void resetClock() {
        clock.set(TestConfig.START);
    }

    @Test
    void aPostReceivedOnFridayAfternoonMustBeRoutedByMondayMorning() {
        clock.set(FRIDAY_1625);
        Post post = fx.register(FRIDAY_1625.minus(Duration.ofMinutes(5)), FRIDAY_1625, Importance.NORMAL);

        assertThat(fx.rules(post.getId())).containsExactly("ANSWER", "CUR_SUBMIT", "ROUTE");
        assertThat(fx.clock(post.getId(), "ROUTE").dueAt()).isEqualTo(Instant.parse("2026-12-07T01:35:00Z"));
        assertThat(fx.clock(post.getId(), "CUR_SUBMIT").dueAt())
                .isEqualTo(workingTime.current().deadline(FRIDAY_1625, 60));
        // ANSWER counts from the moment ЦУР detected the post (п.7), not from its receipt
        assertThat(fx.clock(post.getId(), "ANSWER").dueAt())
                .isEqualTo(workingTime.current().deadline(FRIDAY_1625.minus(Duration.ofMinutes(5)), 360));
    }

    @Test
    void aHighPostRunsTheTwoHourClockAndTellsTheCoordinatorAtOnce() {
        long before = notifications.unreadCount(fx.user("deputy").getId());
        Post post = fx.register(TestConfig.START, TestConfig.START, Importance.HIGH);

        assertThat(fx.rules(post.getId())).containsExactly("ANSWER_HIGH", "CUR_SUBMIT", "ROUTE");
        assertThat(fx.clock(post.getId(), "ANSWER_HIGH").dueAt()).isEqualTo(Instant.parse("2026-12-01T05:00:00Z"));
        assertThat(notifications.unreadCount(fx.user("deputy").getId())).isEqualTo(before + 1);
        assertThat(notifications.recent(fx.user("deputy").getId(), Integer.MAX_VALUE))
                .filteredOn(n -> post.getId().equals(n.postId()))
                .singleElement()
                .satisfies(n -> {
                    assertThat(n.kind()).isEqualTo(NotificationKind.HIGH_POST);
                    assertThat(n.text()).contains(post.getRegistrationNumber()).contains("повышенной важности");
                });
    }

    @Test
    void routingStopsRouteAndStartsAcceptAndTheExecutorsAnswerPerAssignment() {
        Post post = fx.register(TestConfig.START, TestConfig.START, Importance.NORMAL);
        clock.advance(Duration.ofMinutes(4));
        fx.route(post.getId(), Importance.NORMAL, "executor");

        assertThat(fx.clock(post.getId(), "ROUTE").state()).isEqualTo("MET");
        DeadlineFixtures.Row accept = fx.clock(post.getId(), "ACCEPT");
        assertThat(accept.state()).isEqualTo("RUNNING");
        assertThat(accept.dueAt()).isEqualTo(TestConfig.START.plus(Duration.ofMinutes(19)));
        assertThat(fx.clock(post.getId(), "EXECUTOR_ANSWER").dueAt())
                .isEqualTo(TestConfig.START.plus(Duration.ofMinutes(19)));
        assertThat(fx.rules(post.getId())).doesNotContain("CONTRIBUTION");
    }

    @Test
    void routingLateBreachesRoute() {
        Post post = fx.register(TestConfig.START, TestConfig.START, Importance.NORMAL);
        clock.advance(Duration.ofMinutes(11));
        fx.route(post.getId(), Importance.NORMAL, "executor");

        assertThat(fx.clock(post.getId(), "ROUTE").state()).isEqualTo("BREACHED");
    }

    @Test
    void settingHighWhileRoutingSwitchesTheAnswerClockToTwoHours() {
        Post post = fx.register(TestConfig.START, TestConfig.START, Importance.NORMAL);
        fx.route(post.getId(), Importance.HIGH, "executor");

        assertThat(fx.rules(post.getId())).contains("ANSWER_HIGH").doesNotContain("ANSWER");
        assertThat(fx.clock(post.getId(), "ANSWER_HIGH").dueAt())
                .isEqualTo(workingTime.current().deadline(TestConfig.START, 120));
    }

    @Test
    void aJointPostOwesEachContributionFifteenWorkingMinutesBeforeTheAnswer() {
        Instant detected = TestConfig.START.minus(Duration.ofMinutes(30));
        Post post = fx.register(detected, TestConfig.START, Importance.NORMAL);
        fx.route(post.getId(), Importance.NORMAL, "executor", "executor2");

        assertThat(fx.clocks(post.getId()).stream()
                        .filter(r -> r.rule().equals("CONTRIBUTION"))
                        .toList())
                .hasSize(2)
                .allSatisfy(r ->
                        assertThat(r.dueAt()).isEqualTo(workingTime.current().deadline(detected, 345)));

        long assignment = fx.assignmentOf(post.getId(), "executor");
        publish(new ContributionSubmitted(
                post.getId(),
                assignment,
                fx.departmentOf("executor").getId(),
                TestConfig.START.plus(Duration.ofMinutes(10))));
        assertThat(fx.clocks(post.getId()))
                .filteredOn(r -> r.assignmentId() != null
                        && r.assignmentId() == assignment
                        && (r.rule().equals("CONTRIBUTION") || r.rule().equals("EXECUTOR_ANSWER")))
                .hasSize(2)
                .allSatisfy(r -> assertThat(r.state()).isEqualTo("MET"));
    }

    @Test
    void acceptingStopsTheAcceptClock() {
        Post post = fx.register(TestConfig.START, TestConfig.START, Importance.NORMAL);
        fx.route(post.getId(), Importance.NORMAL, "executor");
        clock.advance(Duration.ofMinutes(5));
        posts.accept(
                post.getId(),
                fx.assignmentOf(post.getId(), "executor"),
                fx.version(post.getId()),
                fx.actor("executor"));

        assertThat(fx.clock(post.getId(), "ACCEPT").state()).isEqualTo("MET");
        assertThat(fx.clock(post.getId(), "EXECUTOR_ANSWER").state()).isEqualTo("RUNNING");
    }

    @Test
    void aReturnByTheExecutorIsJudgedAndStartsTheRerouteClock() {
        Post post = fx.register(TestConfig.START, TestConfig.START, Importance.NORMAL);
        fx.route(post.getId(), Importance.NORMAL, "executor");
        clock.advance(Duration.ofMinutes(12));
        posts.returnAssignment(
                post.getId(),
                fx.assignmentOf(post.getId(), "executor"),
                fx.version(post.getId()),
                "Не наша компетенция",
                fx.actor("executor"));

        assertThat(fx.clock(post.getId(), "EXECUTOR_RETURN").state()).isEqualTo("BREACHED");
        assertThat(fx.clock(post.getId(), "ACCEPT").stoppedAt()).isNotNull();
        DeadlineFixtures.Row reroute = fx.clock(post.getId(), "REROUTE");
        assertThat(reroute.state()).isEqualTo("RUNNING");
        assertThat(reroute.dueAt()).isEqualTo(TestConfig.START.plus(Duration.ofMinutes(22)));

        fx.route(post.getId(), Importance.NORMAL, "executor2");
        assertThat(fx.clock(post.getId(), "REROUTE").state()).isEqualTo("MET");
    }

    @Test
    void returningToCurIsJudgedOnThirtyCalendarMinutesAndStopsEveryClock() {
        Post post = fx.register(TestConfig.START, TestConfig.START, Importance.NORMAL);
        clock.advance(Duration.ofMinutes(20));
        posts.returnToCur(
                post.getId(), fx.version(post.getId()), "Вне компетенции Министерства", fx.actor("specialist"));

        assertThat(fx.clock(post.getId(), "RETURN_TO_CUR").state()).isEqualTo("MET");
        assertThat(fx.clocks(post.getId()))
                .allSatisfy(r -> assertThat(r.stoppedAt()).isNotNull());
    }

    @Test
    void refusingAPostStopsEveryClock() {
        Post post = fx.register(TestConfig.START, TestConfig.START, Importance.NORMAL);
        posts.refuse(post.getId(), fx.version(post.getId()), "Нецензурная брань", fx.actor("specialist"));

        assertThat(fx.clocks(post.getId()))
                .allSatisfy(r -> assertThat(r.stoppedAt()).isNotNull());
    }

    @Test
    void reassigningRestartsAcceptForTheNewExecutor() {
        Post post = fx.register(TestConfig.START, TestConfig.START, Importance.NORMAL);
        fx.route(post.getId(), Importance.NORMAL, "executor");
        long assignment = fx.assignmentOf(post.getId(), "executor");
        long other = jdbc.sql(
                        "insert into app_user (login, full_name, password_hash) values (?, 'Другой исполнитель', 'x')"
                                + " returning id")
                .param("dl-" + System.nanoTime() % 100000000)
                .query(Long.class)
                .single();
        jdbc.sql("insert into user_role (user_id, role) values (?, 'EXECUTOR')")
                .param(other)
                .update();
        jdbc.sql("insert into department_executor (department_id, user_id) values (?, ?)")
                .params(fx.departmentOf("executor").getId(), other)
                .update();
        try {
            clock.advance(Duration.ofMinutes(16));
            posts.reassign(post.getId(), assignment, fx.version(post.getId()), other, "Болеет", fx.actor("orghead"));
            assertThat(fx.clocks(post.getId()))
                    .filteredOn(r -> r.rule().equals("ACCEPT"))
                    .extracting(DeadlineFixtures.Row::state)
                    .containsExactly("BREACHED", "RUNNING");
        } finally {
            jdbc.sql("delete from department_executor where user_id = ?")
                    .param(other)
                    .update();
        }
    }

    @Test
    void thePartTwoEventsDriveReworkReapprovalPostingAndTheFinalAnswer() {
        Post post = fx.register(TestConfig.START, TestConfig.START, Importance.NORMAL);
        long id = post.getId();
        fx.route(id, Importance.NORMAL, "executor");
        Instant t = TestConfig.START.plus(Duration.ofMinutes(10));

        publish(new DraftApproved(id, 1, false, t));
        assertThat(fx.clock(id, "EXECUTOR_ANSWER").state()).isEqualTo("MET");

        publish(new SentToCur(id, 1, false, t));
        assertThat(fx.clock(id, "CUR_SUBMIT").state()).isEqualTo("MET");

        publish(new DraftReturned(id, 1, false, true, "Уточните сумму", t));
        assertThat(fx.clock(id, "CUR_REWORK").dueAt())
                .isEqualTo(workingTime.current().deadline(t, 20));

        Instant resubmitted = t.plus(Duration.ofMinutes(25));
        publish(new DraftSubmitted(id, 1, false, true, resubmitted));
        assertThat(fx.clock(id, "CUR_REWORK").state()).isEqualTo("BREACHED");
        assertThat(fx.clock(id, "CUR_REAPPROVE").state()).isEqualTo("RUNNING");

        publish(new DraftApproved(id, 1, false, resubmitted.plus(Duration.ofMinutes(5))));
        assertThat(fx.clock(id, "CUR_REAPPROVE").state()).isEqualTo("MET");

        Instant approved = resubmitted.plus(Duration.ofMinutes(10));
        publish(new CurApproved(id, 1, true, approved));
        assertThat(fx.clock(id, "POST").dueAt()).isEqualTo(approved.plus(Duration.ofMinutes(30)));

        // an intermediate answer sent to ЦУР on Monday 2026-12-07 and posted the same day: the final one is due at the
        // end of Wednesday 2026-12-16 (п.13)
        Instant monday = Instant.parse("2026-12-07T04:00:00Z");
        publish(new SentToCur(id, 1, true, monday));
        publish(new AnswerPosted(id, 1, true, "https://vk.com/wall-1_1?reply=1", monday));
        assertThat(fx.clock(id, "ANSWER").state()).isEqualTo("BREACHED");
        assertThat(fx.clock(id, "POST").stoppedAt()).isNotNull();
        assertThat(fx.clock(id, "FINAL_ANSWER").dueAt()).isEqualTo(Instant.parse("2026-12-16T10:30:00Z"));

        publish(new SentToCur(id, 2, false, monday.plus(Duration.ofDays(2))));
        assertThat(fx.clock(id, "FINAL_ANSWER").state()).isEqualTo("MET");
    }

    // ---------------------------------------------------------------- issue 16: CANCELLED, п.11, п.9/п.14, п.13

    @Test
    void returningToCurCancelsTheAnswerAndCurSubmitClocksInsteadOfMeetingThem() {
        Post post = fx.register(TestConfig.START, TestConfig.START, Importance.NORMAL);
        clock.advance(Duration.ofMinutes(5));
        posts.returnToCur(
                post.getId(), fx.version(post.getId()), "Вне компетенции Министерства", fx.actor("specialist"));

        // the return is ROUTE's stop event (п.9), but no answer was sent to ЦУР nor posted
        assertThat(fx.clock(post.getId(), "ROUTE").state()).isEqualTo("MET");
        assertThat(fx.clock(post.getId(), "CUR_SUBMIT").state()).isEqualTo("CANCELLED");
        assertThat(fx.clock(post.getId(), "ANSWER").state()).isEqualTo("CANCELLED");
        assertThat(cancelledBecause(post.getId(), "ANSWER")).isEqualTo("RETURNED_TO_CUR");
        assertThat(jdbc.sql(
                                "select used_minutes is null from deadline_clock where post_id = ? and rule_code = 'ANSWER'")
                        .param(post.getId())
                        .query(Boolean.class)
                        .single())
                .as("no time used towards the rule")
                .isTrue();
    }

    @Test
    void refusingAPostCancelsEveryClockAndThePageSaysWhy() {
        Post post = fx.register(TestConfig.START, TestConfig.START, Importance.NORMAL);
        clock.advance(Duration.ofMinutes(3));
        posts.refuse(post.getId(), fx.version(post.getId()), "Нецензурная брань", fx.actor("specialist"));

        assertThat(fx.clocks(post.getId()))
                .extracting(DeadlineFixtures.Row::state)
                .containsOnly("CANCELLED");
        assertThat(clocks.ofPost(post.getId(), null))
                .filteredOn(c -> c.rule().equals("ANSWER"))
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.state()).isEqualTo(ClockState.CANCELLED);
                    assertThat(c.tone()).isEqualTo("cancelled");
                    assertThat(c.text()).isEqualTo("отменён: сообщение не рассматривается (п.18)");
                });
    }

    @Test
    void aClockAlreadyPastItsDueInstantStaysBreachedWhenThePostLeavesItsPath() {
        Post post = fx.register(TestConfig.START, TestConfig.START, Importance.NORMAL);
        clock.advance(Duration.ofMinutes(12));
        posts.refuse(post.getId(), fx.version(post.getId()), "Угрозы", fx.actor("specialist"));

        assertThat(fx.clock(post.getId(), "ROUTE").state()).isEqualTo("BREACHED");
        assertThat(fx.clock(post.getId(), "ANSWER").state()).isEqualTo("CANCELLED");
    }

    @Test
    void anExecutorsReturnMeetsAcceptAndCancelsTheirAnswer() {
        Post post = fx.register(TestConfig.START, TestConfig.START, Importance.NORMAL);
        fx.route(post.getId(), Importance.NORMAL, "executor");
        clock.advance(Duration.ofMinutes(4));
        posts.returnAssignment(
                post.getId(),
                fx.assignmentOf(post.getId(), "executor"),
                fx.version(post.getId()),
                "Не наша компетенция",
                fx.actor("executor"));

        assertThat(fx.clock(post.getId(), "ACCEPT").state()).isEqualTo("MET");
        assertThat(fx.clock(post.getId(), "EXECUTOR_ANSWER").state()).isEqualTo("CANCELLED");
        assertThat(cancelledBecause(post.getId(), "EXECUTOR_ANSWER")).isEqualTo("PART_RETURNED");
    }

    @Test
    void anIntermediateDraftReturnedByCurIsReapprovedWithinTheAnswerNotInTwentyMinutes() {
        Post post = fx.register(TestConfig.START, TestConfig.START, Importance.NORMAL);
        long id = post.getId();
        fx.route(id, Importance.NORMAL, "executor");
        Instant t = TestConfig.START.plus(Duration.ofMinutes(10));

        publish(new SentToCur(id, 1, true, t));
        publish(new DraftReturned(id, 1, true, true, "Уточните срок", t.plus(Duration.ofMinutes(5))));
        publish(new DraftSubmitted(id, 1, true, true, t.plus(Duration.ofMinutes(10))));

        // п.11 ¶2 and п.12 ¶2 speak of the final draft only
        assertThat(fx.rules(id)).doesNotContain("CUR_REWORK", "CUR_REAPPROVE");
    }

    @Test
    void aReturnToCurAfterThePathOfClauseFourteenIsNotJudgedOnThirtyMinutes() {
        Post post = fx.register(TestConfig.START, TestConfig.START, Importance.NORMAL);
        long id = post.getId();
        // every step within its п.9/п.14 limit, 40 calendar minutes in all
        clock.advance(Duration.ofMinutes(9));
        fx.route(id, Importance.NORMAL, "executor");
        clock.advance(Duration.ofMinutes(9));
        posts.returnAssignment(
                id, fx.assignmentOf(id, "executor"), fx.version(id), "Не наша компетенция", fx.actor("executor"));
        clock.advance(Duration.ofMinutes(9));
        fx.route(id, Importance.NORMAL, "executor2");
        clock.advance(Duration.ofMinutes(9));
        posts.returnAssignment(
                id, fx.assignmentOf(id, "executor2"), fx.version(id), "И не наша", fx.actor("executor2"));
        clock.advance(Duration.ofMinutes(4));
        posts.returnToCur(id, fx.version(id), "Вне компетенции Министерства", fx.actor("specialist"));

        assertThat(fx.rules(id)).doesNotContain("RETURN_TO_CUR");
        assertThat(fx.clocks(id))
                .filteredOn(r -> r.rule().equals("EXECUTOR_RETURN") || r.rule().equals("REROUTE"))
                .hasSize(4)
                .allSatisfy(r -> assertThat(r.state()).isEqualTo("MET"));
        assertThat(fx.clocks(id)).extracting(DeadlineFixtures.Row::state).doesNotContain("BREACHED");
    }

    @Test
    void theFinalAnswerIsDueSevenWorkingDaysAfterTheIntermediateAnswerWasSentToCur() {
        Post post = fx.register(TestConfig.START, TestConfig.START, Importance.NORMAL);
        long id = post.getId();
        fx.route(id, Importance.NORMAL, "executor");
        Instant monday = Instant.parse("2026-12-07T04:00:00Z");
        Instant tuesday = Instant.parse("2026-12-08T04:00:00Z");

        publish(new SentToCur(id, 1, true, monday));
        DeadlineFixtures.Row running = fx.clock(id, "FINAL_ANSWER");
        assertThat(running.startedAt()).isEqualTo(monday);
        // «со дня направления»: to the end of the 7th working day after Monday 2026-12-07, Wednesday 2026-12-16 17:30
        assertThat(running.dueAt()).isEqualTo(Instant.parse("2026-12-16T10:30:00Z"));

        publish(new CurApproved(id, 1, true, monday.plus(Duration.ofHours(1))));
        publish(new AnswerPosted(id, 1, true, "https://vk.com/wall-1_1?reply=1", tuesday));
        assertThat(fx.clock(id, "FINAL_ANSWER").dueAt())
                .as("posting the intermediate answer moves nothing")
                .isEqualTo(Instant.parse("2026-12-16T10:30:00Z"));
    }

    private String cancelledBecause(long postId, String rule) {
        return jdbc.sql("select cancelled_because from deadline_clock where post_id = ? and rule_code = ?")
                .params(postId, rule)
                .query(String.class)
                .single();
    }

    private void publish(Object event) {
        transactions.executeWithoutResult(status -> events.publishEvent(event));
    }

    @Test
    void aDayMadeADayOffMovesTheRunningClocksDueInstantAndNotTheStoppedOnes() {
        // Wednesday 2027-12-15 11:00 +07: no other test works on that day.
        Instant wednesday = Instant.parse("2027-12-15T04:00:00Z");
        Post post = fx.register(wednesday, wednesday, Importance.NORMAL);
        assertThat(fx.clock(post.getId(), "ROUTE").dueAt()).isEqualTo(Instant.parse("2027-12-15T04:10:00Z"));
        try {
            workingTime.changeDay(ru.otklik.calendar.DayOverride.dayOff(java.time.LocalDate.of(2027, 12, 15)), "admin");

            // the ten working minutes now start on Thursday at 08:30
            assertThat(fx.clock(post.getId(), "ROUTE").dueAt()).isEqualTo(Instant.parse("2027-12-16T01:40:00Z"));
        } finally {
            workingTime.resetDay(java.time.LocalDate.of(2027, 12, 15), "admin");
        }
        assertThat(fx.clock(post.getId(), "ROUTE").dueAt())
                .as("recomputed back when the day is working again")
                .isEqualTo(Instant.parse("2027-12-15T04:10:00Z"));
    }

    @Test
    void aStoppedClockKeepsTheWorkingMinutesItUsedForTheReport() {
        // Friday 16:25: ten minutes to the end of the day, then the weekend
        Post post = fx.register(FRIDAY_1625, FRIDAY_1625, Importance.NORMAL);
        clock.set(Instant.parse("2026-12-07T01:33:00Z")); // Monday 08:33
        try {
            fx.route(post.getId(), Importance.NORMAL, "executor");
        } finally {
            clock.set(TestConfig.START);
        }

        long used = jdbc.sql("select used_minutes from deadline_clock where post_id = ? and rule_code = 'ROUTE'")
                .param(post.getId())
                .query(Long.class)
                .single();
        assertThat(used).as("5 minutes on Friday and 3 on Monday").isEqualTo(8);
    }

    @Test
    void aClockStoppedLateBetweenTwoSweepsStillGetsItsBreachActionOnce() {
        Post post = fx.register(TestConfig.START, TestConfig.START, Importance.NORMAL);
        long orgHead = fx.user("orghead").getId();
        try {
            clock.advance(Duration.ofMinutes(12));
            fx.route(post.getId(), Importance.NORMAL, "executor");
            assertThat(fx.clock(post.getId(), "ROUTE").state()).isEqualTo("BREACHED");

            sweep.sweep();
            sweep.sweep();
        } finally {
            clock.set(TestConfig.START);
        }
        assertThat(jdbc.sql("select count(*) from clock_action a join deadline_clock c on c.id = a.clock_id"
                                + " where c.post_id = ? and c.rule_code = 'ROUTE' and a.action = 'NOTIFY_ORG_HEAD'")
                        .param(post.getId())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql(
                                "select count(*) from notification where ? = any(group_post_ids) and recipient_id = ? and rule_code = 'ROUTE'")
                        .params(post.getId(), orgHead)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(fx.clock(post.getId(), "ROUTE").state()).isEqualTo("BREACHED");
    }
}
