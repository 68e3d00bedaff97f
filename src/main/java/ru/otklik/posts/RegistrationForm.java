package ru.otklik.posts;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The org specialist's form for a post typed by hand (SPEC §2, §5). Times are the Ministry's local time.
 */
record RegistrationForm(
        @Size(max = 100, message = "{posts.externalId.size}") String externalId,
        @NotNull(message = "{posts.source.required}") Source source,
        @NotBlank(message = "{posts.url.required}") @Size(max = 2000, message = "{posts.url.size}")
        @Pattern(regexp = HTTP_URL, message = "{posts.url.format}") String url,
        @Size(max = 300, message = "{posts.authorName.size}") String authorName,
        @Size(max = 2000, message = "{posts.url.size}")
        @Pattern(regexp = HTTP_URL_OR_EMPTY, message = "{posts.url.format}") String authorUrl,
        @NotBlank(message = "{posts.text.required}") @Size(max = 20000, message = "{posts.text.size}") String text,
        @NotNull(message = "{posts.detectedAt.required}")
        @DateTimeFormat(pattern = LOCAL, fallbackPatterns = LOCAL_WITH_SECONDS) LocalDateTime detectedAt,
        @NotNull(message = "{posts.receivedAt.required}")
        @DateTimeFormat(pattern = LOCAL, fallbackPatterns = LOCAL_WITH_SECONDS) LocalDateTime receivedAt,
        @NotNull(message = "{posts.importance.required}") Importance importance,
        @Size(max = 300, message = "{posts.topic.size}") String topic,
        List<Long> linkIds) {

    /** The value of an {@code <input type="datetime-local">}. */
    static final String LOCAL = "yyyy-MM-dd'T'HH:mm";
    static final String LOCAL_WITH_SECONDS = "yyyy-MM-dd'T'HH:mm:ss";
    static final String HTTP_URL = "(?i)^https?://[^\\s/?#]+[^\\s]*$";
    static final String HTTP_URL_OR_EMPTY = "(?i)^$|^\\s*$|^https?://[^\\s/?#]+[^\\s]*$";

    /** An empty form: received now, detected now, normal importance, from VK. */
    static RegistrationForm empty(Instant now) {
        LocalDateTime local = PostTime.toLocal(now).truncatedTo(ChronoUnit.MINUTES);
        return new RegistrationForm("", Source.VK, "", "", "", "", local, local, Importance.NORMAL, "", List.of());
    }

    NewPost toNewPost() {
        return new NewPost(blankToNull(externalId), source, url.strip(), blankToNull(authorName),
                blankToNull(authorUrl), text.strip(), PostTime.toInstant(detectedAt), PostTime.toInstant(receivedAt),
                importance, blankToNull(topic));
    }

    Set<Long> links() {
        return linkIds == null ? Set.of() : new LinkedHashSet<>(linkIds.stream().filter(id -> id != null).toList());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
