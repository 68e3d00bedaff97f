package ru.otklik.posts.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.validation.Errors;
import ru.otklik.calendar.MinistryTime;
import ru.otklik.posts.Importance;
import ru.otklik.posts.NewPost;
import ru.otklik.posts.PostFields;
import ru.otklik.posts.Source;

/**
 * The org specialist's form for a post typed by hand (SPEC §2, §5). Times are typed in the Ministry's local time
 * and bound to instants by the web module's formatter ({@code datetime-local}, see {@link MinistryTime#INPUT}).
 */
record RegistrationForm(
        @Size(max = PostFields.EXTERNAL_ID_MAX, message = "{posts.externalId.size}")
        String externalId,

        @NotNull(message = "{posts.source.required}") Source source,

        @NotBlank(message = "{posts.url.required}") @Size(max = PostFields.URL_MAX, message = "{posts.url.size}")
        String url,

        @Size(max = PostFields.AUTHOR_NAME_MAX, message = "{posts.authorName.size}")
        String authorName,

        @Size(max = PostFields.URL_MAX, message = "{posts.url.size}")
        String authorUrl,

        @NotBlank(message = "{posts.text.required}") @Size(max = PostFields.TEXT_MAX, message = "{posts.text.size}")
        String text,

        @NotNull(message = "{posts.detectedAt.required}") Instant detectedAt,
        @NotNull(message = "{posts.receivedAt.required}") Instant receivedAt,
        @NotNull(message = "{posts.importance.required}") Importance importance,

        @Size(max = PostFields.TOPIC_MAX, message = "{posts.topic.size}")
        String topic,

        List<Long> linkIds) {

    /** An empty form: received now, detected now, normal importance, from VK. */
    static RegistrationForm empty(Instant now) {
        Instant minute = now.truncatedTo(ChronoUnit.MINUTES);
        return new RegistrationForm("", Source.VK, "", "", "", "", minute, minute, Importance.NORMAL, "", List.of());
    }

    /**
     * The rules of {@link PostFields} that the annotations above do not express, the same as for ЦУР's API: no
     * control characters (no line break but in the text), links with a host, dates neither in the future nor before
     * 2000. A field already in error is not checked again.
     */
    void check(Errors errors, Instant now) {
        single(errors, "externalId", externalId);
        single(errors, "url", url);
        single(errors, "authorName", authorName);
        single(errors, "authorUrl", authorUrl);
        single(errors, "topic", topic);
        if (!errors.hasFieldErrors("text") && text != null) {
            reject(errors, "text", PostFields.characterProblem(text, true));
        }
        link(errors, "url", url);
        link(errors, "authorUrl", authorUrl);
        moment(errors, "detectedAt", detectedAt, now);
        moment(errors, "receivedAt", receivedAt, now);
    }

    private static void single(Errors errors, String field, String value) {
        if (value != null && !errors.hasFieldErrors(field)) {
            reject(errors, field, PostFields.characterProblem(value.strip(), false));
        }
    }

    /**
     * A link as typed, spaces included, must be one ({@link PostFields#isLink}). The message: «must start with
     * http(s)://» when it does not, otherwise what is wrong with it, as ЦУР's API says.
     */
    private static void link(Errors errors, String field, String value) {
        if (value == null || value.isBlank() || errors.hasFieldErrors(field) || PostFields.isLink(value)) {
            return;
        }
        if (value.regionMatches(true, 0, "http://", 0, 7) || value.regionMatches(true, 0, "https://", 0, 8)) {
            reject(errors, field, PostFields.linkProblem(value));
        } else {
            errors.rejectValue(field, "posts.url.format");
        }
    }

    private static void moment(Errors errors, String field, Instant value, Instant now) {
        if (value == null || errors.hasFieldErrors(field)) {
            return;
        }
        switch (PostFields.moment(value, now)) {
            case FUTURE -> errors.rejectValue(field, "posts.moment.future");
            case TOO_EARLY -> errors.rejectValue(field, "posts.moment.early");
            default -> {}
        }
    }

    private static void reject(Errors errors, String field, String problem) {
        if (problem != null) {
            errors.rejectValue(field, "posts.field.rule", new Object[] {problem}, problem);
        }
    }

    NewPost toNewPost() {
        return new NewPost(
                blankToNull(externalId),
                source,
                url.strip(),
                blankToNull(authorName),
                blankToNull(authorUrl),
                text.strip(),
                detectedAt,
                receivedAt,
                importance,
                blankToNull(topic));
    }

    Set<Long> links() {
        return linkIds == null
                ? Set.of()
                : new LinkedHashSet<>(linkIds.stream().filter(id -> id != null).toList());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
