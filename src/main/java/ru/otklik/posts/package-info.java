/**
 * Posts (сообщения из открытых источников): the post and its states, drafts, approvals, ЦУР and posting, the work lists of each role.
 *
 * <p>Its root is the API: {@link ru.otklik.posts.PostManagement} (every change), {@link ru.otklik.posts.PostLookup}
 * (the small read API), the past-tense events the other modules listen to, the ids, enums and refusals. The aggregate,
 * repositories and SQL live in {@code internal}, the pages in {@code web}.
 *
 * <p>Persistence rule: a module writes only its own tables. This one owns {@code post}, {@code assignment},
 * {@code draft}, {@code draft_version}, {@code post_event} (the timeline), {@code post_link}, {@code answer_template}, {@code saved_filter},
 * {@code attachment} and {@code attachment_content} (the attachments and their bytes) and {@code registration_counter} (the last
 * registration number of each year). Read
 * models may join other modules' tables and say so in their Javadoc (the work lists join {@code department} and
 * {@code app_user} for names, and read the open rows of the deadlines module's {@code deadline_clock} — breached and
 * due — to order each list by what burns first: {@code InboxQuery}, «Мои поручения», «На согласовании»; the page is cut
 * after ordering, so the order cannot go through {@code deadlines.Clocks}). The person's saved inbox
 * filters live in {@code saved_filter}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Posts")
package ru.otklik.posts;
