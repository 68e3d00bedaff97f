package ru.otklik.posts.web;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import ru.otklik.people.DepartmentSummary;
import ru.otklik.people.Names;
import ru.otklik.people.NotFoundException;
import ru.otklik.people.PeopleLookup;
import ru.otklik.people.PersonSummary;
import ru.otklik.people.SubjectSummary;
import ru.otklik.people.Substitutes;
import ru.otklik.posts.Actor;
import ru.otklik.posts.AnswerLibrary;
import ru.otklik.posts.ApproverOption;
import ru.otklik.posts.AssignmentState;
import ru.otklik.posts.Attachments;
import ru.otklik.posts.PartState;
import ru.otklik.posts.PostManagement;
import ru.otklik.posts.PostState;
import ru.otklik.posts.internal.AnswerTemplate;
import ru.otklik.posts.internal.AnswerTemplates;
import ru.otklik.posts.internal.Draft;
import ru.otklik.posts.internal.DraftVersion;
import ru.otklik.posts.internal.InboxQuery;
import ru.otklik.posts.internal.Post;
import ru.otklik.posts.internal.Posts;
import ru.otklik.posts.internal.RepeatFinder;
import ru.otklik.posts.internal.TimelineAction;
import ru.otklik.posts.internal.TimelineEntry;
import ru.otklik.posts.screening.ScreeningResult;

/**
 * Everything a post's page shows, read in one transaction: the post, its assignments and timeline with people's
 * names, the linked repeats and the actions the current person may take now.
 */
@Component
class PostPages {

    record PersonOption(long id, String name) {}

    /**
     * An executor the post can be routed to; while they are absent, {@code substitute} names who receives the work
     * (п.3, Приказ п.5).
     */
    record RouteOption(long id, String name, String substitute) {}

    /**
     * The executors responsible for one subject (направление деятельности) of a department; the first of them is
     * chosen in advance when the subject matches the post's topic.
     */
    record SubjectGroup(String name, List<RouteOption> executors, boolean matchesTopic) {}

    /**
     * A department on the route form: its executors, grouped by subject when the head keeps subjects (Приказ п.2.3,
     * п.5), with those on no subject last; {@code preselected} is the executor of the subject matching the post's
     * topic, if any.
     */
    record DepartmentOption(
            long id,
            String name,
            List<RouteOption> executors,
            List<SubjectGroup> subjects,
            List<RouteOption> others,
            Long preselected) {}

    record AssignmentView(
            long id,
            long departmentId,
            String department,
            String executor,
            AssignmentState state,
            Instant assignedAt,
            Instant acceptedAt,
            Instant returnedAt,
            String returnReason,
            boolean mayAccept,
            boolean mayReassign,
            List<PersonOption> otherExecutors,
            boolean mayFlagP18,
            PartState partState,
            boolean mayReroutePart,
            boolean mayExcludePart,
            List<DepartmentOption> partRouteOptions) {

        /** A returned part of a joint post that waits for the org specialist (п.14, п.15). */
        public boolean awaitingReroute() {
            return partState == PartState.AWAITING_REROUTE;
        }
    }

    record TimelineView(
            Instant at,
            String actor,
            String onBehalfOf,
            TimelineAction action,
            PostState from,
            PostState to,
            String department,
            String executor,
            String previousExecutor,
            String comment) {

        /** A line Otklik itself wrote (an escalation opened by the sweep), not ЦУР. */
        public boolean bySystem() {
            return actor == null && action == TimelineAction.ESCALATED;
        }
    }

    /** A linked post and the last answer posted to it, if any (п.16). */
    record LinkedPost(
            long id,
            String registrationNumber,
            String externalId,
            PostState state,
            Instant receivedAt,
            String excerpt,
            String answerUrl,
            String answerText,
            Instant answeredAt) {}

    /** A saved version of a draft; one written after a return carries its difference from the one before. */
    record VersionView(int number, String author, Instant at, boolean afterReturn, List<TextDiff.Segment> diff) {}

    /** A draft with its route and versions, and once posted, the posted answer. */
    record DraftView(
            long id,
            boolean intermediate,
            boolean joint,
            String text,
            List<VersionView> versions,
            String headApprover,
            String secondApprover,
            String currentApprover,
            int level,
            // a joint answer's parts with the heads (п.15): approved by whom, or waiting for whom
            List<PartView> parts,
            Instant submittedAt,
            Instant sentToCurAt,
            String postedUrl,
            String postedText,
            Instant postedAt) {

        public VersionView latest() {
            return versions.isEmpty() ? null : versions.get(versions.size() - 1);
        }
    }

    /** A contributing department's part of a joint draft with its head: approved (by whom, when) or waiting. */
    record PartView(String department, String head, String approvedBy, Instant approvedAt) {

        public boolean approved() {
            return approvedAt != null;
        }
    }

    /** A department's contribution to a joint answer (п.15). */
    record ContributionView(
            long assignmentId, String department, String executor, String text, Instant at, boolean mayContribute) {}

    /** What the author of the draft needs to write it. */
    record Editor(
            boolean intermediateAllowed,
            boolean kindFixed,
            boolean intermediate,
            String text,
            List<ApproverOption> approvers,
            Long selectedApprover,
            List<AnswerTemplate> templates,
            // the earlier answer's post the text was started from, or null
            String startedFrom) {}

    /** The answer part of the page: the open draft, the posted answers and what this person may do with them. */
    record Answering(
            DraftView draft,
            List<DraftView> posted,
            Editor editor,
            boolean mayApprove,
            boolean maySendToCur,
            boolean mayRecordCur,
            boolean mayPost,
            boolean joint,
            List<ContributionView> contributions) {

        public boolean anyAction() {
            return editor != null
                    || mayApprove
                    || maySendToCur
                    || mayRecordCur
                    || mayPost
                    || contributions.stream().anyMatch(ContributionView::mayContribute);
        }
    }

    /**
     * Repeated posts (п.16) as the org specialist works with them on the page: similar posts offered to link or
     * dismiss, and the search of earlier posts.
     *
     * @param query what was searched for, or {@code null}
     */
    record Repeats(boolean mayLink, String query, List<RepeatFinder.Candidate> found) {}

    /** The similar posts offered on a post's page, with the post's version its link and dismiss forms send. */
    record OfferedRepeats(long postId, long version, List<RepeatFinder.Candidate> offered) {}

    record PostPage(
            Post post,
            ScreeningResult screening,
            List<AssignmentView> assignments,
            List<TimelineView> timeline,
            List<LinkedPost> linked,
            boolean mayRoute,
            List<DepartmentOption> routeOptions,
            Answering answering,
            boolean mayDecideP18Flag,
            boolean mayChangeImportance,
            Repeats repeats,
            Attachments.OnPage attachments) {

        /** Whether this person may do anything at all with the post now. */
        public boolean anyAction() {
            return mayRoute
                    || mayDecideP18Flag
                    || mayChangeImportance
                    || assignments.stream()
                            .anyMatch(a -> a.mayAccept()
                                    || a.mayReassign()
                                    || a.mayFlagP18()
                                    || a.mayReroutePart()
                                    || a.mayExcludePart())
                    || answering.anyAction();
        }
    }

    /** A draft waiting for this person's approval, on «На согласовании». */
    record ApprovalCard(Post post, DraftView draft, String standingInFor) {}

    private final Posts posts;
    private final PeopleLookup people;
    private final JdbcClient jdbc;
    private final PostManagement management;
    private final AnswerTemplates templates;
    private final RepeatFinder repeatFinder;
    private final AnswerLibrary library;

    private final Substitutes substitutes;
    private final Clock clock;
    private final Attachments attachments;

    PostPages(
            Posts posts,
            PeopleLookup people,
            JdbcClient jdbc,
            PostManagement management,
            AnswerTemplates templates,
            Substitutes substitutes,
            Clock clock,
            RepeatFinder repeatFinder,
            AnswerLibrary library,
            Attachments attachments) {
        this.attachments = attachments;
        this.repeatFinder = repeatFinder;
        this.library = library;
        this.substitutes = substitutes;
        this.clock = clock;
        this.posts = posts;
        this.people = people;
        this.jdbc = jdbc;
        this.management = management;
        this.templates = templates;
    }

    @Transactional(readOnly = true)
    PostPage page(long postId, Actor actor) {
        return page(postId, actor, null, null, null);
    }

    /**
     * The page; {@code templateId} starts the editor from that answer template of the post's departments,
     * {@code fromAnswerId} from that earlier posted answer (the answer library's suggestion), {@code repeatQuery}
     * searches earlier posts to link (org staff).
     */
    @Transactional(readOnly = true)
    PostPage page(long postId, Actor actor, Long templateId, Long fromAnswerId, String repeatQuery) {
        Post post = posts.findById(postId).filter(p -> p.maySee(actor)).orElseThrow(NotFoundException::new);
        Map<Long, DepartmentSummary> departmentsById = new HashMap<>();
        people.departments().forEach(d -> departmentsById.put(d.id(), d));

        Set<Long> personIds = new HashSet<>();
        post.getAssignments().forEach(a -> personIds.add(a.getExecutorId()));
        for (TimelineEntry entry : post.getTimeline()) {
            addIfPresent(personIds, entry.getActorId());
            addIfPresent(personIds, entry.getOnBehalfOf());
            addIfPresent(personIds, entry.getExecutorId());
            addIfPresent(personIds, entry.getPreviousExecutorId());
        }
        addDraftPeople(post, personIds);
        Map<Long, String> names = people.fullNames(personIds);

        List<AssignmentView> assignments = post.getAssignments().stream()
                .map(a -> {
                    DepartmentSummary department = departmentsById.get(a.getDepartmentId());
                    boolean mayReassign = post.mayReassign(a, actor);
                    List<PersonOption> others = mayReassign && department != null
                            ? executorsOf(department).stream()
                                    .filter(o -> o.id() != a.getExecutorId())
                                    .toList()
                            : List.of();
                    boolean mayReroutePart = post.mayReroutePart(a, actor);
                    List<DepartmentOption> partOptions = mayReroutePart
                            ? departmentsById.values().stream()
                                    .filter(d -> d.id() != a.getDepartmentId()
                                            && post.activeAssignments().stream()
                                                    .noneMatch(other -> other.getDepartmentId() == d.id()))
                                    .sorted(Comparator.comparing(DepartmentSummary::name))
                                    .map(d -> departmentOption(d, post.getTopic()))
                                    .filter(d -> !d.executors().isEmpty())
                                    .toList()
                            : List.of();
                    return new AssignmentView(
                            a.getId(),
                            a.getDepartmentId(),
                            department == null ? "—" : department.name(),
                            names.getOrDefault(a.getExecutorId(), "—"),
                            a.getState(),
                            a.getAssignedAt(),
                            a.getAcceptedAt(),
                            a.getReturnedAt(),
                            a.getReturnReason(),
                            post.mayAccept(a, actor),
                            mayReassign,
                            others,
                            post.mayFlagP18(a, actor),
                            a.getPartState(),
                            mayReroutePart,
                            post.mayExcludePart(a, actor),
                            partOptions);
                })
                .toList();

        List<TimelineView> timeline = post.getTimeline().stream()
                .map(e -> new TimelineView(
                        e.getAt(),
                        e.getActorId() == null ? null : names.getOrDefault(e.getActorId(), "—"),
                        e.getOnBehalfOf() == null ? null : Names.onBehalfOf(names.get(e.getOnBehalfOf())),
                        e.getAction(),
                        e.getFromState(),
                        e.getToState(),
                        e.getDepartmentId() == null || !departmentsById.containsKey(e.getDepartmentId())
                                ? null
                                : departmentsById.get(e.getDepartmentId()).name(),
                        e.getExecutorId() == null ? null : names.get(e.getExecutorId()),
                        e.getPreviousExecutorId() == null ? null : names.get(e.getPreviousExecutorId()),
                        e.getComment()))
                .toList();

        boolean mayRoute = post.mayRoute(actor);
        List<DepartmentOption> options = mayRoute
                ? departmentsById.values().stream()
                        .sorted(Comparator.comparing(DepartmentSummary::name))
                        .map(d -> departmentOption(d, post.getTopic()))
                        .toList()
                : List.of();
        List<LinkedPost> linked = linked(post.getId());
        String query = repeatQuery == null || repeatQuery.isBlank()
                ? null
                : repeatQuery.strip().substring(0, Math.min(repeatQuery.strip().length(), 300));
        return new PostPage(
                post,
                ScreeningResult.decode(post.getScreeningMatches()),
                assignments,
                timeline,
                linked,
                mayRoute,
                options,
                answering(post, actor, names, departmentsById, templateId, fromAnswerId),
                post.mayDecideP18Flag(actor),
                // while it is new or returned, the routing form sets it
                !mayRoute && post.mayChangeImportance(actor),
                repeats(post, actor, linked, query),
                attachments.onPage(post, actor));
    }

    /**
     * The drafts waiting for this person or for someone they stand in for today, what burns first: breached, then
     * nearest due (the post's open clocks, read from the deadlines module's {@code deadline_clock}), then oldest.
     */
    @Transactional(readOnly = true)
    List<ApprovalCard> approvals(Actor actor) {
        Set<Long> approverIds = actor.actingIds();
        List<Long> postIds = jdbc.sql("select d.post_id from draft d join post p on p.id = d.post_id"
                        + " left join lateral (select bool_or(c.state = 'BREACHED') as breached, min(c.due_at) as due_at"
                        + " from deadline_clock c where c.post_id = p.id and c.stopped_at is null) k on true"
                        + " where p.state = 'IN_APPROVAL' and d.posted_at is null and (d.current_approver_id in (:ids)"
                        + " or exists (select 1 from draft_part_approval pa where pa.draft_id = d.id"
                        + " and pa.approved_at is null and pa.head_id in (:ids)))"
                        + " order by coalesce(k.breached, false) desc, k.due_at asc nulls last, d.submitted_at, d.id"
                        + " limit 200")
                .param("ids", approverIds)
                .query(Long.class)
                .list();
        Map<Long, Post> byId = new HashMap<>();
        posts.findAllById(postIds).forEach(p -> byId.put(p.getId(), p));
        Set<Long> personIds = new HashSet<>();
        byId.values().forEach(p -> addDraftPeople(p, personIds));
        Map<Long, String> names = people.fullNames(personIds);
        Map<Long, String> departmentNames = departmentNames();
        return postIds.stream()
                .map(byId::get)
                .filter(p -> p != null && p.mayApprove(actor))
                .map(p -> {
                    Draft draft = p.openDraft();
                    // the person the draft waits for whom this one stands in for; none when it waits for them
                    Set<Long> waiting = draft.waitingFor();
                    Long waitingFor = waiting.contains(actor.id())
                            ? null
                            : waiting.stream()
                                    .filter(actor::actsFor)
                                    .findFirst()
                                    .orElse(null);
                    return new ApprovalCard(
                            p,
                            draftView(draft, names, departmentNames),
                            waitingFor != null ? names.get(waitingFor) : null);
                })
                .toList();
    }

    private Answering answering(
            Post post,
            Actor actor,
            Map<Long, String> names,
            Map<Long, DepartmentSummary> departmentsById,
            Long templateId,
            Long fromAnswerId) {
        Draft open = post.openDraft();
        List<DraftView> posted = post.getDrafts().stream()
                .filter(Draft::isPosted)
                .map(d -> draftView(d, names, departmentNames(departmentsById)))
                .toList();
        Editor editor = null;
        if (post.mayDraft(actor)) {
            long departmentId = open == null ? post.firstActiveAssignment().getDepartmentId() : open.getDepartmentId();
            Set<Long> departmentIds = new HashSet<>();
            post.activeAssignments().stream()
                    .filter(a -> actor.isOrgStaff() || actor.actsFor(a.getExecutorId()))
                    .forEach(a -> departmentIds.add(a.getDepartmentId()));
            List<AnswerTemplate> available =
                    departmentIds.isEmpty() ? List.of() : templates.findByDepartments(departmentIds);
            String text = open == null ? null : open.text();
            if (templateId != null) {
                text = available.stream()
                        .filter(t -> t.getId().equals(templateId))
                        .map(AnswerTemplate::getText)
                        .findFirst()
                        .orElse(text);
            }
            String startedFrom = null;
            if (fromAnswerId != null) {
                var earlier = library.find(fromAnswerId).filter(a -> a.postId() != post.getId());
                if (earlier.isPresent()) {
                    text = earlier.get().answerText();
                    startedFrom = earlier.get().postLabel();
                }
            }
            boolean intermediateAllowed = post.mayDraftIntermediate();
            editor = new Editor(
                    intermediateAllowed,
                    open != null && open.getSubmittedAt() != null,
                    open == null ? false : open.isIntermediate(),
                    text,
                    management.secondApprovers(departmentId, actor.id()),
                    open == null ? null : open.getSecondApproverId(),
                    available,
                    startedFrom);
        }
        boolean staff = actor.isOrgStaff();
        List<ContributionView> contributions = !post.isJoint()
                ? List.of()
                : post.activeAssignments().stream()
                        .filter(a -> staff
                                || actor.actsFor(a.getExecutorId())
                                || actor.heads(a.getDepartmentId())
                                || actor.seesAllPosts())
                        .map(a -> new ContributionView(
                                a.getId(),
                                departmentsById.containsKey(a.getDepartmentId())
                                        ? departmentsById
                                                .get(a.getDepartmentId())
                                                .name()
                                        : "—",
                                names.getOrDefault(a.getExecutorId(), "—"),
                                a.getContribution(),
                                a.getContributedAt(),
                                post.mayContribute(a, actor)))
                        .toList();
        boolean showOpen = open != null && (editor != null || post.maySeeDraft(open, actor));
        return new Answering(
                showOpen ? draftView(open, names, departmentNames(departmentsById)) : null,
                posted,
                editor,
                post.mayApprove(actor),
                post.maySendToCur(actor),
                post.mayRecordCurDecision(actor),
                post.mayPost(actor),
                post.isJoint(),
                contributions);
    }

    private Map<Long, String> departmentNames() {
        Map<Long, String> byId = new HashMap<>();
        people.departments().forEach(d -> byId.put(d.id(), d.name()));
        return byId;
    }

    private static Map<Long, String> departmentNames(Map<Long, DepartmentSummary> departmentsById) {
        Map<Long, String> byId = new HashMap<>();
        departmentsById.forEach((id, d) -> byId.put(id, d.name()));
        return byId;
    }

    static DraftView draftView(Draft draft, Map<Long, String> names, Map<Long, String> departmentNames) {
        List<DraftVersion> versions = draft.getVersions();
        List<VersionView> views = new java.util.ArrayList<>(versions.size());
        for (int i = 0; i < versions.size(); i++) {
            DraftVersion v = versions.get(i);
            List<TextDiff.Segment> diff =
                    i > 0 ? TextDiff.between(versions.get(i - 1).getText(), v.getText()) : null;
            views.add(new VersionView(
                    v.getNumber(),
                    names.getOrDefault(v.getAuthorId(), "—"),
                    v.getCreatedAt(),
                    v.isAfterReturn(),
                    diff));
        }
        return new DraftView(
                draft.getId(),
                draft.isIntermediate(),
                draft.isJoint(),
                draft.text(),
                views,
                nameOf(names, draft.getHeadApproverId()),
                nameOf(names, draft.getSecondApproverId()),
                draft.waitingFor().isEmpty()
                        ? null
                        : draft.waitingFor().stream()
                                .map(id -> names.getOrDefault(id, "—"))
                                .collect(java.util.stream.Collectors.joining(", ")),
                draft.getApprovalLevel(),
                draft.getParts().stream()
                        .map(part -> new PartView(
                                departmentNames.getOrDefault(part.getDepartmentId(), "—"),
                                names.getOrDefault(part.getHeadId(), "—"),
                                nameOf(names, part.getApprovedBy()),
                                part.getApprovedAt()))
                        .toList(),
                draft.getSubmittedAt(),
                draft.getSentToCurAt(),
                draft.getPostedUrl(),
                draft.getPostedText(),
                draft.getPostedAt());
    }

    private static String nameOf(Map<Long, String> names, Long id) {
        return id == null ? null : names.getOrDefault(id, "—");
    }

    private static void addDraftPeople(Post post, Set<Long> personIds) {
        for (Draft draft : post.getDrafts()) {
            addIfPresent(personIds, draft.getHeadApproverId());
            addIfPresent(personIds, draft.getSecondApproverId());
            addIfPresent(personIds, draft.getCurrentApproverId());
            draft.getParts().forEach(part -> {
                personIds.add(part.getHeadId());
                addIfPresent(personIds, part.getApprovedBy());
            });
            draft.getVersions().forEach(v -> personIds.add(v.getAuthorId()));
        }
    }

    /**
     * The search's results for org staff; the similar posts it offers are loaded after the page
     * ({@link #offeredRepeats}), so that a text with many near-copies never slows the page.
     */
    private Repeats repeats(Post post, Actor actor, List<LinkedPost> linked, String query) {
        if (!post.mayLink(actor)) {
            return new Repeats(false, null, List.of());
        }
        List<RepeatFinder.Candidate> found = query == null
                ? List.of()
                : repeatFinder.search(query, post.getId()).stream()
                        .filter(c -> linked.stream().noneMatch(l -> l.id() == c.id()))
                        .toList();
        return new Repeats(true, query, found);
    }

    /**
     * The earlier posts like this one (same author, same link or a similar text) not yet linked either way nor
     * dismissed, for the org staff who may link them (п.16); empty for anyone else.
     *
     * @throws NotFoundException when the person may not see the post
     */
    @Transactional(readOnly = true)
    OfferedRepeats offeredRepeats(long postId, Actor actor) {
        Post post = posts.findById(postId).filter(p -> p.maySee(actor)).orElseThrow(NotFoundException::new);
        if (!post.mayLink(actor)) {
            return new OfferedRepeats(postId, post.getVersion(), List.of());
        }
        Set<Long> skip = new HashSet<>(post.getDismissedRepeatIds());
        linked(postId).forEach(l -> skip.add(l.id()));
        return new OfferedRepeats(
                postId,
                post.getVersion(),
                repeatFinder.offered(post.getId(), post.getUrl(), post.getAuthorUrl(), post.getText(), skip));
    }

    /** Linked both ways: the earlier posts this one repeats, and the later posts that repeat it. */
    private List<LinkedPost> linked(long postId) {
        return jdbc.sql("select p.id, p.registration_number, p.external_id, p.state, p.received_at,"
                        + " left(p.text, 200) as excerpt,"
                        + " a.posted_url, a.posted_text, a.posted_at from post p"
                        + " left join lateral (select d.posted_url, d.posted_text, d.posted_at from draft d"
                        + " where d.post_id = p.id and d.posted_at is not null order by d.posted_at desc, d.id desc"
                        + " limit 1) a on true"
                        + " where p.id in (select linked_post_id from post_link where post_id = :id"
                        + " union select post_id from post_link where linked_post_id = :id) order by p.received_at")
                .param("id", postId)
                .query((rs, n) -> new LinkedPost(
                        rs.getLong("id"),
                        rs.getString("registration_number"),
                        rs.getString("external_id"),
                        PostState.valueOf(rs.getString("state")),
                        InboxQuery.instant(rs, "received_at"),
                        rs.getString("excerpt"),
                        rs.getString("posted_url"),
                        rs.getString("posted_text"),
                        InboxQuery.instant(rs, "posted_at")))
                .list();
    }

    /** A department on the route form, its executors grouped by subject; the subject of the topic chosen first. */
    private DepartmentOption departmentOption(DepartmentSummary department, String topic) {
        List<RouteOption> executors = routeOptions(department);
        Map<Long, RouteOption> byId = new HashMap<>();
        executors.forEach(e -> byId.put(e.id(), e));
        List<SubjectGroup> groups = new ArrayList<>();
        Set<Long> grouped = new HashSet<>();
        Long preselected = null;
        for (SubjectSummary subject : people.subjects(department.id())) {
            List<RouteOption> members = subject.executors().stream()
                    .map(p -> byId.get(p.id()))
                    .filter(java.util.Objects::nonNull)
                    .toList();
            if (members.isEmpty()) {
                continue;
            }
            boolean matches = preselected == null && subject.matchesTopic(topic);
            if (matches) {
                preselected = members.get(0).id();
            }
            members.forEach(m -> grouped.add(m.id()));
            groups.add(new SubjectGroup(subject.name(), members, matches));
        }
        List<RouteOption> others =
                executors.stream().filter(e -> !grouped.contains(e.id())).toList();
        return new DepartmentOption(department.id(), department.name(), executors, groups, others, preselected);
    }

    /** The department's executors for routing, each with their substitute when absent today. */
    private List<RouteOption> routeOptions(DepartmentSummary department) {
        Instant now = clock.instant();
        return executorsOf(department).stream()
                .map(e -> {
                    long acting = substitutes.effective(e.id(), now);
                    String substitute = acting == e.id()
                            ? null
                            : people.person(acting).map(PersonSummary::fullName).orElse(null);
                    return new RouteOption(e.id(), e.name(), substitute);
                })
                .toList();
    }

    static List<PersonOption> executorsOf(DepartmentSummary department) {
        return department.activeExecutors().stream()
                .map(u -> new PersonOption(u.id(), u.fullName()))
                .toList();
    }

    private static void addIfPresent(Set<Long> ids, Long id) {
        if (id != null) {
            ids.add(id);
        }
    }
}
