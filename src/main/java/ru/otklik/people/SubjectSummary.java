package ru.otklik.people;

import java.util.List;

/**
 * A subject (направление деятельности) of a department with its responsible executors, by name (Приказ п.2.3, п.5).
 */
public record SubjectSummary(long id, long departmentId, String name, long version, List<PersonSummary> executors) {

    public SubjectSummary {
        executors = List.copyOf(executors);
    }

    /** Whether this subject matches a post's topic: the same words, whatever the case, either way round. */
    public boolean matchesTopic(String topic) {
        if (topic == null || topic.isBlank()) {
            return false;
        }
        String a = topic.strip().toLowerCase(java.util.Locale.ROOT);
        String b = name.strip().toLowerCase(java.util.Locale.ROOT);
        return a.contains(b) || b.contains(a);
    }
}
