package ru.otklik.posts;

/**
 * Where the post was published: VKontakte, Odnoklassniki, a blog, or elsewhere (п.4).
 */
public enum Source {
    VK,
    OK,
    BLOG,
    OTHER
}
