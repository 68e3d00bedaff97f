/**
 * Posts (сообщения из открытых источников): the post and its states, drafts, approvals, ЦУР and posting, the work lists of each role.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Posts")
package ru.otklik.posts;
