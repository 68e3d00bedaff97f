/**
 * Posts (сообщения из открытых источников): the post and its states, the work lists of each role.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Posts")
package ru.otklik.posts;
