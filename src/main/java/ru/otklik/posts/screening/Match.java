package ru.otklik.posts.screening;

/**
 * One place where a post's text matched the lexicon: the category and the words as the author wrote them.
 */
public record Match(Category category, String words) {}
