package ru.otklik.posts.screening;

/**
 * What п.18 names as grounds not to process a post.
 */
public enum Category {
    /** Нецензурные выражения. */
    OBSCENITY,
    /** Оскорбительные выражения. */
    INSULT,
    /** Угрозы жизни, здоровью и имуществу должностного лица и членов его семьи. */
    THREAT,
    /** Сведения о намерениях причинить вред другому лицу. */
    HARM
}
