/**
 * Posts (сообщения из открытых источников): the post and its states, drafts, approvals, ЦУР and posting, the work lists of each role.
 *
 * <p>Its root is the API: {@link ru.otklik.posts.PostManagement} (every change), {@link ru.otklik.posts.PostLookup}
 * (the small read API), the past-tense events the other modules listen to, the ids, enums and refusals. The aggregate,
 * repositories and SQL live in {@code internal}, the pages in {@code web}.
 *
 * <p>Persistence rule: a module writes only its own tables. This one owns {@code post}, {@code assignment},
 * {@code draft}, {@code draft_version}, {@code post_event} (the timeline), {@code post_link} and {@code answer_template}. Read
 * models may join other modules' tables and say so in their Javadoc (the work lists join {@code department} and
 * {@code app_user} for names).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Posts")
package ru.otklik.posts;
