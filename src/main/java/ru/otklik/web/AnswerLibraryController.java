package ru.otklik.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import ru.otklik.calendar.MinistryTime;
import ru.otklik.deadlines.LegislationDates;
import ru.otklik.people.PeopleLookup;
import ru.otklik.posts.Actor;
import ru.otklik.posts.AnswerLibrary;
import ru.otklik.posts.AnswerLibrary.PastAnswer;
import ru.otklik.posts.PostLookup;

/**
 * The library of posted answers («Ответы», issue 21 point 3): search over past answers and their posts, and the
 * earlier answers most like a post beside its draft editor. An answer posted before the latest change in legislation
 * that concerns its department is marked «проверьте актуальность» (п.17, п.20). It lives in the shell because it
 * joins the posts module's answers with the deadlines module's changes in legislation.
 */
@Controller
class AnswerLibraryController {

    static final String LIBRARY_VIEW = "web/answers";
    static final String SIMILAR_VIEW = "web/answers :: similar";

    /**
     * The library's filters as the address names them (page from 1). A bean, not a record, so that a value which does
     * not convert leaves its field empty and the others as typed, and the page shows the error beside them.
     */
    public static final class LibraryParams {

        private String q;
        private Long department;
        private String topic;

        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate from;

        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate to;

        private Long page;

        AnswerLibrary.Search search() {
            return new AnswerLibrary.Search(
                    q,
                    department,
                    topic,
                    from == null ? null : from.atStartOfDay(MinistryTime.ZONE).toInstant(),
                    to == null
                            ? null
                            : to.plusDays(1).atStartOfDay(MinistryTime.ZONE).toInstant());
        }

        int pageIndex() {
            return page == null ? 0 : (int) Math.min(10_000, Math.max(0, page - 1));
        }

        public String getQ() {
            return q;
        }

        public void setQ(String q) {
            this.q = q;
        }

        public Long getDepartment() {
            return department;
        }

        public void setDepartment(Long department) {
            this.department = department;
        }

        public String getTopic() {
            return topic;
        }

        public void setTopic(String topic) {
            this.topic = topic;
        }

        public LocalDate getFrom() {
            return from;
        }

        public void setFrom(LocalDate from) {
            this.from = from;
        }

        public LocalDate getTo() {
            return to;
        }

        public void setTo(LocalDate to) {
            this.to = to;
        }

        public Long getPage() {
            return page;
        }

        public void setPage(Long page) {
            this.page = page;
        }
    }

    /** A past answer as the pages show it: {@code stale} when the law changed for its department after it. */
    record AnswerView(PastAnswer answer, boolean stale, LocalDate changedOn) {}

    private final AnswerLibrary library;
    private final LegislationDates legislation;
    private final PeopleLookup people;
    private final PostLookup posts;

    AnswerLibraryController(
            AnswerLibrary library, LegislationDates legislation, PeopleLookup people, PostLookup posts) {
        this.posts = posts;
        this.library = library;
        this.legislation = legislation;
        this.people = people;
    }

    @GetMapping("/answers")
    String library(
            @ModelAttribute("params") LibraryParams params, BindingResult unconverted, Actor actor, Model model) {
        model.addAttribute("departments", people.departments());
        model.addAttribute("topics", library.recentTopics());
        if (unconverted.hasErrors()) {
            model.addAttribute("answers", List.of());
            model.addAttribute("visible", Set.of());
            model.addAttribute("more", false);
            return LIBRARY_VIEW;
        }
        AnswerLibrary.Page page = library.search(params.search(), params.pageIndex());
        model.addAttribute("answers", views(page.answers()));
        // a post's number links to its page only for those who may open it: no link that ends in a refusal
        model.addAttribute(
                "visible",
                posts.visibleTo(page.answers().stream().map(PastAnswer::postId).toList(), actor));
        model.addAttribute("more", page.more());
        model.addAttribute("pageNumber", page.number() + 1);
        return LIBRARY_VIEW;
    }

    /** The earlier answers most like the post, for its draft editor (loaded after the page, so it never slows it). */
    @GetMapping("/answers/similar")
    String similar(@RequestParam long post, Actor actor, Model model) {
        List<PastAnswer> similar =
                library.similarTo(post, actor).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("postId", post);
        model.addAttribute("similar", views(similar));
        return SIMILAR_VIEW;
    }

    private List<AnswerView> views(List<PastAnswer> answers) {
        Set<Long> departments = new HashSet<>();
        answers.stream().map(PastAnswer::departmentId).filter(d -> d != null).forEach(departments::add);
        Map<Long, LocalDate> changed = legislation.latestChange(departments);
        return answers.stream()
                .map(a -> {
                    LocalDate on = a.departmentId() == null ? null : changed.get(a.departmentId());
                    return new AnswerView(a, on != null && postedBefore(a.postedAt(), on), on);
                })
                .toList();
    }

    private static boolean postedBefore(Instant postedAt, LocalDate day) {
        return postedAt.isBefore(day.atStartOfDay(MinistryTime.ZONE).toInstant());
    }
}
