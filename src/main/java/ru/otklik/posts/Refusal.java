package ru.otklik.posts;

/**
 * A refusal of the posts module that a page can show: the key of its Russian text in the messages
 * ({@code posts.refusal.*} and the page's own keys) and the arguments of that text.
 */
public interface Refusal {

    /** The key of the refusal's text in the messages bundle. */
    String messageKey();

    /** The arguments of the text ({@code {0}}, {@code {1}}, …); empty when it has none. */
    Object[] args();
}
