package ru.otklik.posts.web;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import ru.otklik.posts.Actor;
import ru.otklik.posts.internal.TimelineAction;
import ru.otklik.posts.web.PostPages.DraftView;
import ru.otklik.posts.web.PostPages.PostPage;
import ru.otklik.posts.web.PostPages.TimelineView;

/**
 * The post's card for the paper hand-over (п.9, п.10 «на бумажном носителе»): the post, the answer with its route
 * and approvals, and the clocks on one A4 page. Whoever may open the post may print its card; nobody else learns that
 * it exists.
 */
@Controller
class PostCardController {

    /** What the card lists under «Согласование»: the answer's way from its author to the citizen. */
    static final Set<TimelineAction> APPROVALS = EnumSet.of(
            TimelineAction.DRAFT_SUBMITTED,
            TimelineAction.DRAFT_APPROVED_BY_HEAD,
            TimelineAction.DRAFT_APPROVED,
            TimelineAction.DRAFT_RETURNED,
            TimelineAction.SENT_TO_CUR,
            TimelineAction.CUR_APPROVED,
            TimelineAction.CUR_RETURNED,
            TimelineAction.ANSWER_POSTED);

    private final PostPages pages;
    private final Clock clock;

    PostCardController(PostPages pages, Clock clock) {
        this.pages = pages;
        this.clock = clock;
    }

    @GetMapping("/posts/{id}/card")
    String card(@PathVariable long id, Actor actor, Model model) {
        PostPage page = pages.page(id, actor);
        model.addAttribute("page", page);
        model.addAttribute("answer", answerOf(page));
        model.addAttribute("approvals", approvalsOf(page.timeline()));
        model.addAttribute("printedAt", clock.instant());
        return "posts/card";
    }

    /** The draft being worked on, or else the answer posted last. */
    static DraftView answerOf(PostPage page) {
        if (page.answering().draft() != null) {
            return page.answering().draft();
        }
        List<DraftView> posted = page.answering().posted();
        return posted.isEmpty() ? null : posted.get(posted.size() - 1);
    }

    static List<TimelineView> approvalsOf(List<TimelineView> timeline) {
        return timeline.stream().filter(e -> APPROVALS.contains(e.action())).toList();
    }
}
