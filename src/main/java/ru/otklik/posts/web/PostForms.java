package ru.otklik.posts.web;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Objects;
import ru.otklik.posts.Importance;
import ru.otklik.posts.PostFields;
import ru.otklik.posts.Routing;

/**
 * The forms of a post's page, one per action. Each names the post's version the person saw. A constraint's message
 * is the bundle key of the warning the page shows; {@link PostRefusals} shows the first one, in the order of the
 * form's fields (a check named {@code isTextWithinLimit} belongs to the field {@code text}). A checkbox is a
 * {@code Boolean}: an unchecked one is not sent at all.
 */
final class PostForms {

    static final int MAX_COMMENT = PostFields.COMMENT_MAX;

    private PostForms() {}

    /** An action that needs nothing but the version: accept, send to ЦУР. */
    record VersionForm(@NotNull(message = OUTDATED) Long version) {}

    /** HIGH set or cleared on the post's page (п.9 ¶3–4): the checkbox is absent when cleared. */
    record ImportanceForm(@NotNull(message = OUTDATED) Long version, Boolean high) {

        Importance importance() {
            return Boolean.TRUE.equals(high) ? Importance.HIGH : Importance.NORMAL;
        }
    }

    /** Link, unlink or dismiss another post as a repeat (п.16). */
    record LinkForm(
            @NotNull(message = OUTDATED) Long version,

            @NotNull(message = "posts.repeats.otherRequired")
            Long otherId) {}

    /** An action that needs a reason: return to ЦУР, refuse, return an assignment. */
    record ReasonForm(
            @NotNull(message = OUTDATED) Long version,
            @NotBlank(message = "posts.reason.required") String reason) {}

    /** Routing: each {@code assignTo} is {@code <departmentId>:<executorId>}; empty ones (a department left out) are skipped. */
    record RouteForm(@NotNull(message = OUTDATED) Long version, List<Routing> assignTo, Boolean high) {

        Importance importance() {
            return Boolean.TRUE.equals(high) ? Importance.HIGH : Importance.NORMAL;
        }

        List<Routing> routings() {
            return assignTo == null
                    ? List.of()
                    : assignTo.stream().filter(Objects::nonNull).toList();
        }

        @AssertTrue(message = "posts.route.none")
        boolean isAssignToGiven() {
            return !routings().isEmpty();
        }

        @AssertTrue(message = "posts.route.twice")
        boolean isAssignToOncePerDepartment() {
            return routings().stream().map(Routing::departmentId).distinct().count()
                    == routings().size();
        }
    }

    /** A returned part of a joint post sent to another department: {@code assignTo} is {@code <departmentId>:<executorId>}. */
    record PartRouteForm(
            @NotNull(message = OUTDATED) Long version,
            @NotNull(message = "posts.part.route.none") Routing assignTo) {}

    record ReassignForm(
            @NotNull(message = OUTDATED) Long version,
            @NotNull(message = "posts.reassign.executor") Long executorId,
            @NotBlank(message = "posts.comment.required") String comment) {}

    /** {@code action=save} saves the draft, {@code action=submit} also sends it to the approvers (п.10). */
    record DraftForm(
            @NotNull(message = OUTDATED) Long version,
            @NotBlank(message = "posts.draft.text.required") String text,
            Boolean intermediate,
            Long secondApprover,
            String action) {

        boolean intermediateAnswer() {
            return Boolean.TRUE.equals(intermediate);
        }

        boolean submit() {
            return "submit".equals(action);
        }

        @AssertTrue(message = "posts.draft.text.size")
        boolean isTextWithinLimit() {
            return withinLimit(text);
        }
    }

    /**
     * An approval, with the text as the approver edited it (none: as it is); {@code from=approvals} goes back there.
     * The approver confirms the п.17 checklist: without the tick the approval is refused.
     */
    record ApproveForm(
            @NotNull(message = OUTDATED) Long version,
            Integer draftVersion,
            String from,
            String text,
            Boolean checklist) {

        @AssertTrue(message = "posts.checklist.required")
        boolean isChecklistTicked() {
            return checked();
        }

        boolean checked() {
            return Boolean.TRUE.equals(checklist);
        }

        String edited() {
            return text == null || text.isBlank() ? null : text;
        }

        @AssertTrue(message = "posts.draft.text.size")
        boolean isTextWithinLimit() {
            return withinLimit(edited());
        }
    }

    record ReturnDraftForm(
            @NotNull(message = OUTDATED) Long version,
            Integer draftVersion,

            @NotBlank(message = "posts.draft.comment.required")
            String comment,

            String from) {

        @AssertTrue(message = "posts.comment.size")
        boolean isCommentWithinLimit() {
            return comment == null || comment.strip().length() <= MAX_COMMENT;
        }
    }

    /** ЦУР's decision as the org specialist records it: {@code APPROVED}, or {@code RETURNED} with ЦУР's comment. */
    record CurDecisionForm(
            @NotNull(message = OUTDATED) Long version,

            @NotNull(message = "posts.cur.decision.required")
            @Pattern(regexp = "APPROVED|RETURNED", message = "posts.cur.decision.required")
            String decision,

            String comment) {

        boolean approved() {
            return "APPROVED".equals(decision);
        }

        @AssertTrue(message = "posts.cur.comment.required")
        boolean isCommentGivenWhenReturned() {
            return approved()
                    || decision == null
                    || !decision.equals("RETURNED")
                    || !(comment == null || comment.isBlank());
        }

        @AssertTrue(message = "posts.comment.size")
        boolean isCommentWithinLimit() {
            return comment == null || comment.strip().length() <= MAX_COMMENT;
        }
    }

    /** The posted answer: its link (http/https) and text, the approved text when left empty (п.9). */
    record AnswerForm(@NotNull(message = OUTDATED) Long version, String url, String text) {

        @AssertTrue(message = "posts.answer.url.invalid")
        boolean isUrlHttp() {
            return PostController.httpUrl(url);
        }

        @AssertTrue(message = "posts.draft.text.size")
        boolean isTextWithinLimit() {
            return text == null || text.strip().length() <= PostFields.TEXT_MAX;
        }
    }

    /** An executor's contribution to a joint answer (п.15). */
    record ContributionForm(
            @NotNull(message = OUTDATED) Long version,
            @NotBlank(message = "posts.draft.text.required") String text) {

        @AssertTrue(message = "posts.draft.text.size")
        boolean isTextWithinLimit() {
            return withinLimit(text);
        }
    }

    /** The warning for a form that names no version or a forged one: the page the person saw is not this post's. */
    static final String OUTDATED = "posts.outdated";

    private static boolean withinLimit(String text) {
        return text == null || text.replace("\r\n", "\n").strip().length() <= PostFields.TEXT_MAX;
    }
}
